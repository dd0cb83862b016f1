// A minimal third-party section plugin: one text field that must not be empty, asked on one
// page of the form with an example.
#include "overens/sdk.hpp"

namespace third_party {

using namespace overens;

class NotePlugin : public SectionPlugin {
public:
    PluginInfo info() const override { return {"third-party-note", "2.0.1", "Tredjepartsnotis", "Third-party note"}; }
    Schema schema() const override { return Schema{{text("text", false, "Text", "Text")}}; }
    void validate(const Record& values, const Context&, Diagnostics& out) const override {
        if (values.text("text").empty())
            out.error("third-party-note.empty", values.where, "notisen är tom", "the note is empty");
    }
    doc::Blocks render(const Record& values, const Context&, const Wording&) const override {
        return {doc::Paragraph{doc::runs(values.text("text"))}};
    }
    // SDK 2: how a form asks for the section (optional; without it the form asks every field on
    // one page titled like the section).
    Interview interview() const override {
        Step note = step("note", "Notisen", "The note", {"text"}, "Några rader till läsaren.", "A few lines for the reader.");
        note.prompts_sv = {"Vad behöver läsaren veta först?"};
        note.prompts_en = {"What does the reader need to know first?"};
        Interview i;
        i.steps = {note};
        i.hints = {{"text", "Mötet flyttas till tisdag.", "The meeting moves to Tuesday."}};
        return i;
    }
};

}  // namespace third_party

OVERENS_PLUGIN(third_party::NotePlugin)
