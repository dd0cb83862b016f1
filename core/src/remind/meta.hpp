// What a reminder says about its document (title, review, the calendar's summary and
// description), from the header the index keeps: the same metadata the built calendar file has.
#pragma once

#include <string>

#include "kinds/document_kind.hpp"
#include "overens/document.hpp"
#include "overens/wording.hpp"
#include "remind/review.hpp"

namespace overens::remind {

// `review` is the scheduled date (the calendar's rule repeats it); the texts name the day the
// review is held, the working day on or before it.

// The document's metadata for the calendar file and the e-mail, from its header: title from
// its kind, summary and description from the core wording, `review` as the review date.
doc::Meta metaFor(const Header& h, const std::string& path, const DocumentKind* kind, const Wording& core,
                  const Date& review);

// ASCII lower case (e-mail addresses compare so).
std::string lower(std::string s);

}  // namespace overens::remind
