#include "writers/odf/odf_writer.hpp"

#include <memory>

#include "templates/template_store.hpp"
#include "writers/odf/odf_content.hpp"
#include "writers/odf/odf_meta.hpp"
#include "writers/odf/odf_package.hpp"
#include "writers/odf/odf_reference.hpp"
#include "writers/odf/odf_styles.hpp"

namespace overens {

namespace odf {

void writeOdt(const doc::Document& document, std::ostream& out, const WriteOptions& options) {
    const std::filesystem::path templates =
        options.templatesDir.empty() ? findTemplatesDir() : options.templatesDir;
    const StylesInUse styles = stylesFor(document.meta.lang, templates / "odf" / "styles.xml", options.referenceOdt);

    // Each stream is deflated into the output as it is written.
    OdfPackage package(out, document.meta.adopted.value_or(Date{}), kTextMediaType);
    writeContent(document, *styles.part, package.begin("content.xml", "text/xml"));
    package.end();
    writeStyles(*styles.part, document.meta, package.begin("styles.xml", "text/xml", styles.start.get()),
                styles.start != nullptr);
    package.end();
    writeMeta(document.meta, package.begin("meta.xml", "text/xml"));
    package.end();
    for (const auto& r : styles.part->resources) package.add(r.path, r.bytes, r.mediaType);
    package.finish();
}

}  // namespace odf

namespace {

class OdfWriter : public Writer {
public:
    std::string format() const override { return "odt"; }
    void write(const doc::Document& document, std::ostream& out, const WriteOptions& options,
               Diagnostics&) const override {
        odf::writeOdt(document, out, options);
    }
};

}  // namespace

void registerOdfWriter(WriterRegistry& registry) { registry.add(std::make_unique<OdfWriter>()); }

}  // namespace overens
