#include "writers/odf/odf_writer.hpp"

#include <optional>

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
    std::optional<ReferencePackage> reference;
    if (!options.referenceOdt.empty()) reference = readReference(options.referenceOdt);

    StylesPart styles = buildStyles(document.meta, templates / "odf" / "styles.xml", reference ? &*reference : nullptr);

    OdfPackage package(kTextMediaType);
    package.add("content.xml", buildContent(document, styles), "text/xml");
    package.add("styles.xml", std::move(styles.xml), "text/xml");
    package.add("meta.xml", buildMeta(document.meta), "text/xml");
    for (auto& r : styles.resources) package.add(r.path, std::move(r.bytes), r.mediaType);
    package.write(out, document.meta.adopted.value_or(Date{}));
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
