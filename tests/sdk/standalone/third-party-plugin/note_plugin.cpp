// A minimal third-party section plugin: one text field that must not be empty.
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
};

}  // namespace third_party

OVERENS_PLUGIN(third_party::NotePlugin)
