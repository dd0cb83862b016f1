#include "engine/batch.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <memory>

namespace overens {

std::vector<std::vector<std::size_t>> groupByOrganisation(Engine& engine, const std::vector<std::string>& files,
                                                          WorkQueue& queue) {
    // The header is enough to know the organisation; the sections are read with the group.
    std::vector<std::future<std::pair<bool, std::string>>> headers;
    for (const auto& f : files)
        headers.push_back(queue.submit([&engine, &f] {
            const Prepared h = engine.prepareHeader(f);
            return std::make_pair(h.status == ReadStatus::Ok, h.source.context.organisation.name);
        }));
    std::vector<std::vector<std::size_t>> groups;
    std::map<std::string, std::size_t> groupOf;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto [readable, organisation] = queue.get(headers[i]);
        if (!readable) {
            groups.push_back({i});
            continue;
        }
        auto [it, added] = groupOf.emplace(organisation, groups.size());
        if (added) groups.emplace_back();
        groups[it->second].push_back(i);
    }
    return groups;
}

namespace {

// One group on its way through: its sources read and checked, then its documents being written.
struct Group {
    std::vector<Prepared> prepared;
    std::vector<std::future<std::future<BatchReport>>> written;  // one per source; empty when not ok
};

void print(const BatchReport& r, const BatchSteps& steps, std::ostream& out, std::ostream& err, int& code) {
    if ((!r.out.empty() || !r.err.empty()) && steps.interrupt) steps.interrupt();
    out << r.out;
    err << r.err;
    code = std::max(code, r.code);
}

}  // namespace

int runBatch(Engine& engine, const std::vector<std::string>& files, const BatchSteps& steps, WorkQueue& queue,
             std::ostream& out, std::ostream& err) {
    // One source is one group: its header need not be read first.
    const std::vector<std::vector<std::size_t>> groups =
        files.size() == 1 ? std::vector<std::vector<std::size_t>>{{0}} : groupByOrganisation(engine, files, queue);
    int code = 0;
    std::size_t done = 0;
    std::unique_ptr<Group> writing;  // the group before the one being read, still being written

    auto finish = [&](Group& g) {
        for (std::size_t i = 0; i < g.prepared.size(); ++i) {
            if (g.written[i].valid()) {
                std::future<BatchReport> report = queue.get(g.written[i]);
                print(queue.get(report), steps, out, err, code);
            }
            if (steps.progress) steps.progress(++done, files.size());
        }
    };

    for (const auto& members : groups) {
        auto group = std::make_unique<Group>();
        // Read before writing: the readers go first in the queue, the writers of the group
        // before keep the other threads busy meanwhile.
        std::vector<std::future<Prepared>> reading;
        for (std::size_t i : members)
            reading.push_back(queue.submit([&engine, &f = files[i]] { return engine.prepareOne(f); }, true));
        for (auto& r : reading) group->prepared.push_back(queue.get(r));
        engine.crossCheck(group->prepared);

        std::vector<BatchReport> checked;  // made before the writers may release the sections
        for (const auto& p : group->prepared) checked.push_back(steps.checked(p));
        for (auto& p : group->prepared) {
            group->written.emplace_back();
            if (p.ok() && steps.write)
                group->written.back() = queue.submit([&steps, &p, &queue] {
                    try {
                        return steps.write(p, queue);
                    } catch (const std::exception& e) {  // a step's own failures are its reports
                        std::promise<BatchReport> failed;
                        failed.set_value({"", p.source.displayName + ": error: [write.failed] " + e.what() + "\n", 2});
                        return failed.get_future();
                    }
                });
        }
        if (writing) finish(*writing);  // its reports come before this group's
        for (const auto& r : checked) print(r, steps, out, err, code);
        writing = std::move(group);
    }
    if (writing) finish(*writing);
    return code;
}

}  // namespace overens
