// The reminder e-mail: text in the document's language from templates/<lang>/remind.xml, the
// review as an .ics attachment, a Message-ID derived from document, review date and recipient
// (the same on a retry, so that a receiving system can recognise a duplicate).
#pragma once

#include <string>

#include "kinds/document_kind.hpp"
#include "overens/document.hpp"
#include "overens/wording.hpp"
#include "remind/review.hpp"

namespace overens::remind {

// The document's metadata for the calendar file and the e-mail, from its header: title from
// its kind, summary and description from the core wording, `review` as the review date.
doc::Meta metaFor(const Header& h, const std::string& path, const DocumentKind* kind, const Wording& core,
                  const Date& review);

struct MailParts {
    std::string fromAddress;
    std::string fromName;
};

// The complete message (RFC 5322, CRLF line ends), ready for the SMTP DATA phase.
std::string composeMessage(const doc::Meta& meta, const doc::Person& to, const Date& today, const Wording& words,
                           const MailParts& from, const std::string& ics, const std::string& messageId);

// "<hex>.review@overens" from identity, review date and recipient.
std::string messageId(const std::string& identity, const std::string& review, const std::string& recipient);

std::string lower(std::string s);

}  // namespace overens::remind
