// Versions of the product and of the plugin SDK.
#pragma once

// The SDK generation a plugin is built against. The loader refuses a plugin whose
// generation differs: raise it whenever a type a plugin sees changes its layout or meaning.
// SDK 2: Field::example_*/defaultFrom/showWhen and SectionPlugin::interview() (the form);
// SectionPlugin::calendarEntries() and doc::Meta::calendar (the calendar); Context::templatesDir.
// SDK 3: doc::Run::lang and doc::Run::where (a run's language and its place in the source).
// SDK 4: smaller values, the same source: Location::file is a shared FileName, Record holds
// flat vectors (and has reserveScalars/shrinkToFit), Value::flag sits beside Value::type.
#define OVERENS_SDK_VERSION 4

#define OVERENS_VERSION_STRING "0.1.0"

namespace overens {
constexpr int kSdkVersion = OVERENS_SDK_VERSION;
constexpr const char* kVersion = OVERENS_VERSION_STRING;
}  // namespace overens
