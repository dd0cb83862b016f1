// A helper process of the store tests: opens the store itself, waits until its standard input
// closes (the gate, so that all helpers save at once), then saves FILE's bytes as DOCUMENT of
// ORGANISATION based on VERSION. Exit code: 0 saved, 1 stale, 2 anything else.
//   store_save_child SPEC ORGANISATION DOCUMENT VERSION FILE
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "store/document_store.hpp"

int main(int argc, char** argv) {
    if (argc != 6) return 2;
    std::ifstream in(argv[5], std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::string error;
    auto st = overens::store::openStore(argv[1], {}, error);
    if (!st) {
        std::cerr << error << '\n';
        return 2;
    }
    char c;
    while (read(0, &c, 1) > 0) {
    }
    const auto r = st->save({argv[2], argv[3]}, bytes.str(), std::stoi(argv[4]), "child", "");
    if (!r.error.empty()) std::cerr << r.error << '\n';
    return r.status == overens::store::SaveStatus::Saved ? 0 : r.status == overens::store::SaveStatus::Stale ? 1 : 2;
}
