// The format-neutral document tree. Plugins build their section of it; the assembler
// lays out a whole document; writers (ODF, PDF, iCalendar) turn it into files.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "overens/calendar.hpp"
#include "overens/calendar_entries.hpp"
#include "overens/diagnostics.hpp"

namespace overens::doc {

// A run of text with one look. `field` marks a value the user gave (not template wording),
// which writers may show distinctly.
struct Run {
    std::string text;
    bool emphasis = false;
    bool strong = false;
    bool field = false;
    // SDK 3: the run's language when it differs from the document's ("en" inside a Swedish
    // document; empty = the document's), and where a user's answer was written in the source
    // (so that a writer can point at it, e.g. a character no font has).
    std::string lang;
    Location where;
};
using Runs = std::vector<Run>;

struct Heading {
    int level = 1;  // 1 = section, 2 = subsection, ...
    Runs runs;
    bool numbered = true;  // takes part in the heading numbering (1, 1.1, ...)
};

enum class ParagraphStyle { Body, Lead, Small, Quote };

struct Paragraph {
    Runs runs;
    ParagraphStyle style = ParagraphStyle::Body;
};

struct List;
struct ListItem {
    Runs runs;
    std::vector<List> children;  // nested lists
};
struct List {
    bool ordered = false;
    std::vector<ListItem> items;
};

using Cell = Runs;
using Row = std::vector<Cell>;

struct Table {
    std::vector<double> weights;  // relative column widths; empty = from content
    std::vector<Row> header;      // header rows, repeated on each page
    std::vector<Row> rows;
    Runs caption;                 // optional
};

struct Signatory {
    std::string name;
    std::string title;
};

struct SignatureBlock {
    Runs intro;                     // e.g. "Exempelby den ..."
    std::vector<Signatory> signatories;
};

enum class NoteKind { Info, Important };

struct Note {
    NoteKind kind = NoteKind::Info;
    Runs runs;
};

struct PageBreak {};

struct TableOfContents {
    std::string title;
};

// The title block at the top of a document.
struct TitleBlock {
    std::string organisation;
    std::string title;
    std::string subtitle;
    // Label/value lines: registration number, adoption, version, next review.
    std::vector<std::pair<std::string, std::string>> facts;
};

using Block = std::variant<Heading, Paragraph, List, Table, SignatureBlock, Note, PageBreak,
                           TableOfContents, TitleBlock>;
using Blocks = std::vector<Block>;

struct Person {
    std::string role;
    std::string name;
    std::string title;
    std::string email;
};

// What writers need to know about the document beyond its blocks.
struct Meta {
    std::string title;
    std::string subject;
    std::string lang;          // "sv" or "en"
    std::string kind;          // document kind id
    std::string organisation;  // name
    std::string board;
    std::string dnr;
    std::optional<Date> adopted;
    std::string version;
    std::optional<Date> nextReview;
    std::optional<Duration> reviewEvery;   // when the review recurs
    std::optional<Duration> notifyBefore;
    std::vector<std::string> keywords;
    std::vector<Person> people;  // the parties, for signatures and reminders
    std::string sourceName;      // file name of the answer file
    std::string sourceSha256;
    std::string templateVersion;
    std::string generator;       // "Överens 0.1.0"
    // Running header and footer texts, in the document's language.
    std::string headerText;      // "Exempelby kommun · KS 2027/0042"
    std::string pageLabel;       // "Sida {page} av {pages}" / "Page {page} of {pages}"
    std::string reviewSummary;   // calendar entry summary
    std::string reviewDescription;
    // SDK 2 (calendar): what the sections add to the calendar besides the review.
    std::vector<cal::Entry> calendar;
};

struct Document {
    Meta meta;
    Blocks blocks;
};

// Small helpers for building runs.
inline Run plain(std::string t) { return Run{std::move(t)}; }
inline Run strong(std::string t) { return Run{std::move(t), false, true}; }
inline Run emph(std::string t) { return Run{std::move(t), true, false}; }
inline Run value(std::string t) { return Run{std::move(t), false, false, true}; }
inline Run value(std::string t, Location where) { return Run{std::move(t), false, false, true, {}, std::move(where)}; }
inline Runs runs(std::string t) { return Runs{plain(std::move(t))}; }
std::string plainText(const Runs& r);

}  // namespace overens::doc
