// A batch of sources built in one run, using the machine. The checks across documents compare
// only documents of one organisation, so the batch goes organisation by organisation: a group is
// read and checked together (its sources on all threads), then its documents are written while
// the next group is read. At most two groups are held at once, so memory follows the largest
// organisation, not the batch. What each step prints is collected and printed in source order
// (groups in the order their organisation first appears), so the output does not depend on the
// number of threads.
#pragma once

#include <cstddef>
#include <functional>
#include <future>
#include <ostream>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "engine/work_queue.hpp"

namespace overens {

// What one step printed, and the exit code it calls for.
struct BatchReport {
    std::string out, err;
    int code = 0;
};

struct BatchSteps {
    // A source read and checked: its diagnostics (runs on the calling thread).
    std::function<BatchReport(const Prepared&)> checked;
    // A source that is ok(): assemble and write it (runs on a worker; it may submit tasks of its
    // own to the queue and wait for them with WorkQueue::get). Once assembled, it may release the
    // source's sections and facts (Prepared::releaseSections): nothing else reads them then.
    // Its report may come later, from another thread (the outputs being made durable on a disk
    // thread while the worker writes the next document). May be empty (validate only).
    std::function<std::future<BatchReport>(Prepared&, WorkQueue&)> write;
    // After each source is reported: how many are done, of how many (on the calling thread).
    std::function<void(std::size_t done, std::size_t total)> progress;
    // Before a report that prints something (so that a progress line can step aside).
    std::function<void()> interrupt;
};

// The sources in groups of one organisation each, in the order the organisations first appear;
// a source whose header cannot be read is a group of its own.
std::vector<std::vector<std::size_t>> groupByOrganisation(Engine& engine, const std::vector<std::string>& files,
                                                          WorkQueue& queue);

// Runs the batch on queue.jobs() threads; returns the highest exit code of the reports.
int runBatch(Engine& engine, const std::vector<std::string>& files, const BatchSteps& steps, WorkQueue& queue,
             std::ostream& out, std::ostream& err);

}  // namespace overens
