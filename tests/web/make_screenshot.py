#!/usr/bin/python3
"""Takes docs/serve.png, the README's picture of the form: Chromium headless on `overens serve`
over a copy of sample-agreements/kommun, the delegation order's urgent matter given to an
employee and checked: the error summary at the top of the step. Usage: tests/web/make_screenshot.py [build/bin/overens] [OUT.png]"""
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
os.environ.setdefault("OVERENS", sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "bin", "overens"))
os.environ.setdefault("OVERENS_SOURCE_DIR", ROOT)
sys.path.insert(0, HERE)
import webtest  # noqa: E402

out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "docs", "serve.png")
tmp = tempfile.mkdtemp(prefix="overens-screenshot-")
server = webtest.Server(webtest.copy_samples(tmp), os.path.join(tmp, "out"))
driver = webtest.chromium(tmp)
try:
    driver.set_window_size(1100, 1250)
    driver.get(server.url + "/open?file=exempelby-delegationsordning.xml")
    base = driver.current_url.rsplit("/", 1)[0]
    total = int(driver.find_element(webtest.By.CSS_SELECTOR, ".progress").text.split()[-1])
    for step in range(total):  # the step that asks the delegation rows
        driver.get("%s/%d" % (base, step))
        if driver.find_elements(webtest.By.ID, "f-delegation-order_area_0_delegation_0_delegate"):
            break
    delegate = driver.find_element(webtest.By.ID, "f-delegation-order_area_0_delegation_0_delegate")
    delegate.clear()
    delegate.send_keys("ekchef")
    driver.find_element(webtest.By.CSS_SELECTOR, 'button[name="_action"][value="check"]:not([hidden])').click()
    driver.find_element(webtest.By.ID, "error-summary")
    driver.save_screenshot(out)
    print(out)
finally:
    driver.quit()
    server.stop()
    shutil.rmtree(driver._overens_profile, ignore_errors=True)
    shutil.rmtree(tmp, ignore_errors=True)
