// A PDF's objects as qpdf reads them (qpdf --json, the newest revision), for the tests that
// look at the structure tree.
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace overens::pdftest {

class Objects {
public:
    explicit Objects(const std::filesystem::path& pdf) {
        auto r = test::run({"qpdf", "--json", "--json-key=qpdf", pdf.string()});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        Poco::JSON::Parser parser;
        auto root = parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
        all_ = root->getArray("qpdf")->getObject(1);
    }
    // The object's value (a dictionary), or null.
    Poco::JSON::Object::Ptr dict(const std::string& ref) const {
        auto o = all_->getObject("obj:" + ref);
        return o ? o->getObject("value") : nullptr;
    }
    Poco::JSON::Object::Ptr trailer() const { return all_->getObject("trailer")->getObject("value"); }
    // Every dictionary value with the key set to the value (e.g. "/S" = "/Link"), by "N 0 R".
    std::vector<std::pair<std::string, Poco::JSON::Object::Ptr>> with(const std::string& key,
                                                                      const std::string& value) const {
        std::vector<std::pair<std::string, Poco::JSON::Object::Ptr>> out;
        for (const auto& [name, entry] : *all_) {
            if (name.rfind("obj:", 0) != 0) continue;
            auto v = entry.extract<Poco::JSON::Object::Ptr>()->getObject("value");
            if (v && v->has(key) && v->get(key).isString() && v->getValue<std::string>(key) == value)
                out.emplace_back(name.substr(4), v);
        }
        return out;
    }

private:
    Poco::JSON::Object::Ptr all_;
};

// A string value (a name, a reference "N 0 R", a string) of a dictionary, or "".
inline std::string str(const Poco::JSON::Object::Ptr& o, const std::string& key) {
    return o && o->has(key) && o->get(key).isString() ? o->getValue<std::string>(key) : std::string();
}

}  // namespace overens::pdftest
