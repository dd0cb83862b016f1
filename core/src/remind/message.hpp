// The reminder e-mail: text in the document's language from templates/<lang>/remind.xml, the
// review as an .ics attachment, a Message-ID derived from document, review date and recipient
// (the same on a retry, so that a receiving system can recognise a duplicate).
#pragma once

#include <string>

#include "remind/meta.hpp"
#include "overens/document.hpp"
#include "overens/wording.hpp"
#include "remind/review.hpp"

namespace overens::remind {

struct MailParts {
    std::string fromAddress;
    std::string fromName;
    std::string formUrl;  // where the parties open the document in `overens serve`; empty: the file
};

// The complete message (RFC 5322, CRLF line ends), ready for the SMTP DATA phase. maybeDuplicate:
// an earlier attempt was interrupted after its data was sent; the message says it may arrive twice.
std::string composeMessage(const doc::Meta& meta, const doc::Person& to, const Date& today, const Wording& words,
                           const MailParts& from, const std::string& ics, const std::string& messageId,
                           bool maybeDuplicate = false);

// "<hex>.review@overens" from identity, review date and recipient.
std::string messageId(const std::string& identity, const std::string& review, const std::string& recipient);

}  // namespace overens::remind
