// The section plugin interface and the entry point every plugin library exports.
//
// A plugin is a shared library exporting one C function, `overens_plugin_entry`, that returns
// a descriptor. The loader reads the descriptor's SDK version before it touches any C++ object
// and refuses a library built against another version. Write OVERENS_PLUGIN(MyPlugin) once
// in the plugin's source to define the entry point.
#pragma once

#include <string>
#include <vector>

#include "overens/calendar_entries.hpp"
#include "overens/context.hpp"
#include "overens/diagnostics.hpp"
#include "overens/document.hpp"
#include "overens/interview.hpp"
#include "overens/schema.hpp"
#include "overens/values.hpp"
#include "overens/version.hpp"
#include "overens/wording.hpp"

namespace overens {

struct PluginInfo {
    std::string id;       // the XML element the plugin owns, e.g. "goals"
    std::string version;  // the plugin's own version
    std::string title_sv, title_en;
};

class SectionPlugin {
public:
    virtual ~SectionPlugin();  // defined in the SDK library: one vtable for all

    virtual PluginInfo info() const = 0;
    virtual Schema schema() const = 0;
    // The plugin's own rules over values already read and type-checked through the schema.
    virtual void validate(const Record& values, const Context& ctx, Diagnostics& out) const = 0;
    // The section's body (the core adds the section heading). Headings start at level 2.
    virtual doc::Blocks render(const Record& values, const Context& ctx, const Wording& wording) const = 0;

    // Facts for checks across sections and across documents built together.
    virtual void publish(const Record& values, const Context& ctx, Facts& out) const;
    // Checks against facts published by the other sections and documents of the same run.
    // `own` holds this document's facts, `others` those of the other documents.
    virtual void crossCheck(const Record& values, const Context& ctx, const Facts& own,
                            const std::vector<Facts>& others, Diagnostics& out) const;
    // SDK 2 (calendar): the dates this section sets, for the document's calendar file. None by default.
    virtual cal::Entries calendarEntries(const Record& values, const Context& ctx, const Wording& wording) const;

    // SDK 2: the pages a form asks the section on. Default: deriveInterview(info(), schema()).
    // A field no step names is appended to the last step by completeInterview (never lost).
    virtual Interview interview() const;
};

}  // namespace overens

extern "C" {

// Bumped only if the layout of this struct itself changes.
#define OVERENS_PLUGIN_ABI_MAGIC 0x4F56524Eu  // "OVRN"

struct overens_plugin_descriptor {
    unsigned magic;        // OVERENS_PLUGIN_ABI_MAGIC
    int sdk_version;       // OVERENS_SDK_VERSION the plugin was built with
    const char* compiler;  // the C++ compiler/ABI it was built with, for messages
    overens::SectionPlugin* (*create)();
    void (*destroy)(overens::SectionPlugin*);
};

typedef const overens_plugin_descriptor* (*overens_plugin_entry_fn)();
}

#define OVERENS_PLUGIN_ENTRY_NAME "overens_plugin_entry"

#if defined(__GNUC__)
#define OVERENS_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define OVERENS_PLUGIN_EXPORT
#endif

#define OVERENS_STRINGIFY2(x) #x
#define OVERENS_STRINGIFY(x) OVERENS_STRINGIFY2(x)

#define OVERENS_PLUGIN(Class)                                                                  \
    extern "C" OVERENS_PLUGIN_EXPORT const overens_plugin_descriptor* overens_plugin_entry() { \
        static const overens_plugin_descriptor d = {                                          \
            OVERENS_PLUGIN_ABI_MAGIC, OVERENS_SDK_VERSION,                                      \
            "g++ " OVERENS_STRINGIFY(__GNUC__) "." OVERENS_STRINGIFY(__GNUC_MINOR__),           \
            []() -> overens::SectionPlugin* { return new Class(); },                          \
            [](overens::SectionPlugin* p) { delete p; }};                                     \
        return &d;                                                                             \
    }
