// The named styles the body refers to. The default house style (templates/odf/styles.xml)
// defines every one; a reference document may redefine any of them, and what it lacks is
// taken from the house style.
#pragma once

namespace overens::odf::styles {

// Paragraph styles.
constexpr const char* kStandard = "Standard";
constexpr const char* kBody = "Text_20_body";
constexpr const char* kLead = "Lead";
constexpr const char* kSmall = "Small_20_print";
constexpr const char* kQuote = "Quotations";
constexpr const char* kNote = "Note";
constexpr const char* kNoteImportant = "Note_20_important";
constexpr const char* kOrganisation = "Organisation";
constexpr const char* kTitle = "Title";
constexpr const char* kSubtitle = "Subtitle";
constexpr const char* kFactLabel = "Fact_20_label";
constexpr const char* kFactValue = "Fact_20_value";
constexpr const char* kHeadings[] = {"Heading_20_1", "Heading_20_2", "Heading_20_3",
                                     "Heading_20_4", "Heading_20_5", "Heading_20_6"};
constexpr const char* kListParagraph = "List";
constexpr const char* kTableContents = "Table_20_Contents";
constexpr const char* kTableHeading = "Table_20_Heading";
constexpr const char* kTableCaption = "Table";
constexpr const char* kSignaturePlace = "Signature_20_place";
constexpr const char* kSignatureLine = "Signature_20_line";
constexpr const char* kSignatureTitle = "Signature_20_title";
constexpr const char* kHeader = "Header";
constexpr const char* kFooter = "Footer";
constexpr const char* kContentsHeading = "Contents_20_Heading";
constexpr const char* kContents[] = {"Contents_20_1", "Contents_20_2", "Contents_20_3"};

// Character styles (the run styles are in odf_text.hpp).
constexpr const char* kIndexLink = "Index_20_Link";

// List styles.
constexpr const char* kBulletList = "Bullet_20_list";
constexpr const char* kNumberedList = "Numbered_20_list";

}  // namespace overens::odf::styles
