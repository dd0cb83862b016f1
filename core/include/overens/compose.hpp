// Helpers for plugins that turn standard wording and the user's answers into document blocks.
// Template words become plain runs; the user's answers become value runs, so that writers can
// show what was filled in.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "overens/context.hpp"
#include "overens/document.hpp"
#include "overens/wording.hpp"

namespace overens::compose {

// The paragraphs of a multiline text (separated by blank lines), empty ones left out.
std::vector<std::string> paragraphsOf(const std::string& text);

// One paragraph of template text with {placeholders} filled in, the values as value runs.
// An unknown placeholder is left as written, so that a gap shows.
doc::Runs fill(const std::string& paragraph, const std::map<std::string, std::string>& values);

// The wording for key, one Runs per paragraph.
std::vector<doc::Runs> format(const Wording& w, const std::string& key,
                              const std::map<std::string, std::string>& values = {});

// The wording for key in one line (paragraphs joined by a space): for cells and list items.
doc::Runs formatInline(const Wording& w, const std::string& key, const std::map<std::string, std::string>& values = {});

// Append the wording for key as paragraphs.
void addWording(doc::Blocks& out, const Wording& w, const std::string& key,
                const std::map<std::string, std::string>& values = {},
                doc::ParagraphStyle style = doc::ParagraphStyle::Body);

// Append the user's multiline answer as paragraphs of value runs; `where` is the answer's place
// in the source (Record::whereOf), kept on the runs so that a writer can point at it.
void addAnswer(doc::Blocks& out, const std::string& answer);
void addAnswer(doc::Blocks& out, const std::string& answer, const Location& where);

// Append the user's answer with a strong label before its first paragraph.
void addLabelled(doc::Blocks& out, const std::string& label, const std::string& answer);
void addLabelled(doc::Blocks& out, const std::string& label, const std::string& answer, const Location& where);

// A user's answer as one cell or list item (paragraphs joined by a space).
doc::Runs answerInline(const std::string& answer);
doc::Runs answerInline(const std::string& answer, const Location& where);

// The document's shared values for {placeholders}: organisation, board, adopted-by (the body
// the registration names, else the board), dnr, review (long date), party.<role>.name / .title,
// and the shortcuts chair, chair-title, director, director-title.
// Keys ending in ".lc" hold the same text with its first letter in lower case (mid-sentence).
std::map<std::string, std::string> contextValues(const Context& ctx);

// "Kommunstyrelsen" -> "kommunstyrelsen" (ASCII and Latin-1 capitals such as Å, Ä, Ö).
std::string lowerFirst(std::string s);

// Trimmed, whitespace-collapsed and lower-cased text (ASCII and Å Ä Ö É) for comparing names.
std::string foldKey(const std::string& s);

}  // namespace overens::compose
