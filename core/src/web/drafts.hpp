// Drafts: a document open in the browser. The answers posted by each page are written into the
// draft's copy of the source at once, so back, next and a row added never lose an answer; the
// file itself changes only when the draft is saved.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>

namespace overens::web {

struct Draft {
    std::string id;
    std::string organisation;  // the document's organisation in the store ("" the folder's own files)
    std::string file;          // the answer file's name in the organisation
    bool isNew = false;        // not yet saved to the store
    std::string xml;           // the source as the answers now stand
    std::string savedXml;      // the version it is based on (unsaved changes = xml != savedXml)
    int basedOn = 0;           // that version's number in the store (0 while new)
    // Steps submitted at least once (-1: the one-page form). A new document shows a step's
    // messages only once that step was submitted; an existing document shows them at once.
    std::set<int> submitted;
    std::string notice;      // a UI wording key shown once on the next page ("saved")
    std::string uiLang;      // "sv" or "en": the document's language when the draft was opened

    bool unsaved() const { return isNew || xml != savedXml; }
};

class DraftStore {
public:
    // Keeps the newest `capacity` drafts; an older one is forgotten (its page says so).
    explicit DraftStore(std::size_t capacity = 200) : capacity_(capacity) {}

    Draft& create(Draft draft);  // gives it a fresh unguessable id
    Draft* find(const std::string& id);

private:
    std::size_t capacity_;
    std::map<std::string, Draft> drafts_;
    std::deque<std::string> order_;
};

}  // namespace overens::web
