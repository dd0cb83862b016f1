#include "import/source_writer.hpp"

#include <pugixml.hpp>

#include <ostream>

namespace overens::import {

namespace {

// The order of a delegation row's attributes in the source (the schema's order).
const char* const kRowFields[] = {"number", "matter", "delegate", "substitute", "legal-basis", "category", "appeal",
                                  "urgent", "sub-delegation", "sub-delegate", "reporting", "limit", "note"};

void copyHeader(pugi::xml_node root, const Header& header) {
    pugi::xml_document from;
    if (!header.xml.empty() && from.load_buffer(header.xml.data(), header.xml.size())) {
        for (pugi::xml_node n : from.document_element().children()) {
            const std::string name = n.name();
            if (name == "organisation" || name == "party") root.append_copy(n);
        }
        if (root.child("organisation")) return;
    }
    root.append_child(pugi::node_comment)
        .set_value(" Fill in the organisation: type is kommun or region, name as it is written in documents. ");
    pugi::xml_node o = root.append_child("organisation");
    o.append_attribute("type") = "kommun";
    o.append_attribute("name") = "";
    o.append_attribute("board") = "";
}

}  // namespace

void writeSource(const ImportedOrder& order, const Header& header, const std::string& inputName, std::ostream& out) {
    pugi::xml_document d;
    pugi::xml_node decl = d.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    d.append_child(pugi::node_comment)
        .set_value((" Imported with overens import from " + inputName +
                    ". Each row's comment names its place there. Check every warning the import printed. ")
                       .c_str());
    pugi::xml_node root = d.append_child("delegation-order");
    root.append_attribute("lang") = header.lang.c_str();
    copyHeader(root, header);

    pugi::xml_node section = root.append_child("delegation-order");
    for (const auto& role : order.roles) {
        pugi::xml_node r = section.append_child("role");
        r.append_attribute("id") = role.id.c_str();
        r.append_attribute("title") = role.title.c_str();
        if (!role.abbreviation.empty()) r.append_attribute("abbreviation") = role.abbreviation.c_str();
        r.append_attribute("kind") = role.kind.c_str();
    }
    for (const auto& area : order.areas) {
        if (area.rows.empty()) {
            section.append_child(pugi::node_comment)
                .set_value((" " + area.place + ": the heading '" + area.number + " " + area.title +
                            "' has no rows under it ")
                               .c_str());
            continue;
        }
        pugi::xml_node a = section.append_child("area");
        a.append_attribute("number") = area.number.c_str();
        a.append_attribute("title") = area.title.c_str();
        for (const auto& row : area.rows) {
            a.append_child(pugi::node_comment).set_value((" " + inputName + ":" + row.place + " ").c_str());
            pugi::xml_node e = a.append_child("delegation");
            for (const char* field : kRowFields) {
                auto it = row.fields.find(field);
                if (it != row.fields.end() && (!it->second.empty() || std::string(field) == "matter" ||
                                               std::string(field) == "delegate"))
                    e.append_attribute(field) = it->second.c_str();
                else if (std::string(field) == "matter" || std::string(field) == "delegate")
                    e.append_attribute(field) = "";
            }
        }
    }
    d.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
}

}  // namespace overens::import
