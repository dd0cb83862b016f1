#include "source/xml_wellformed.hpp"

#include <expat.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace overens {

namespace {

constexpr std::size_t kPieceBytes = 256 * 1024;

struct Messages {
    const char* sv;
    const char* en;
};

// Our own words for the errors a source file can have (expat's own strings are English only).
Messages describe(XML_Error e) {
    switch (e) {
        case XML_ERROR_NO_ELEMENTS: return {"filen innehåller inget element", "the file holds no element"};
        case XML_ERROR_INVALID_TOKEN:
            return {"otillåtet tecken eller felaktig markering här", "a character or markup that is not allowed here"};
        case XML_ERROR_UNCLOSED_TOKEN: return {"en tagg avslutas inte", "a tag is not closed"};
        case XML_ERROR_PARTIAL_CHAR: return {"ett tecken är avklippt", "a character is cut short"};
        case XML_ERROR_TAG_MISMATCH:
            return {"sluttaggen matchar inte den öppna taggen", "the end tag does not match the open tag"};
        case XML_ERROR_DUPLICATE_ATTRIBUTE:
            return {"samma attribut står två gånger i taggen", "the same attribute is given twice in the tag"};
        case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
            return {"text eller ett andra rotelement efter rotelementets slut",
                    "text or a second root element after the root element has ended"};
        case XML_ERROR_UNDEFINED_ENTITY:
            return {"okänd entitet; bara &amp; &lt; &gt; &quot; &apos; och &#...; finns (skriv &amp; för &)",
                    "unknown entity; only &amp; &lt; &gt; &quot; &apos; and &#...; exist (write &amp; for &)"};
        case XML_ERROR_BAD_CHAR_REF:
            return {"teckenreferensen anger inget tecken som XML tillåter",
                    "the character reference names no character XML allows"};
        case XML_ERROR_MISPLACED_XML_PI:
            return {"XML-deklarationen måste stå först i filen, före tomma rader",
                    "the XML declaration must come first in the file, before any blank line"};
        case XML_ERROR_XML_DECL: return {"felaktig XML-deklaration", "malformed XML declaration"};
        case XML_ERROR_UNCLOSED_CDATA_SECTION: return {"CDATA-avsnittet avslutas inte", "the CDATA section is not closed"};
        case XML_ERROR_SYNTAX: return {"syntaxfel", "syntax error"};
        case XML_ERROR_UNBOUND_PREFIX: return {"okänt namnrymdsprefix", "unknown namespace prefix"};
        default: return {nullptr, nullptr};
    }
}

struct State {
    XML_Parser parser;
    const char* data;
    std::size_t size;
    XmlEvents* events;
    XmlCheck result;
    bool sawRoot = false;
    std::vector<std::string> open;  // the elements open at the parser's position
    std::vector<XmlAttribute> attributes;
};

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The attributes' names in the start tag at `tag`, in the order expat gives them (the source's):
// expat has checked the tag, so a plain scan of names and quoted values finds them.
void findAttributes(State& s, std::size_t tag, const XML_Char** attrs) {
    s.attributes.clear();
    const char* p = s.data + tag + 1;
    const char* const end = s.data + s.size;
    while (p < end && !isBlank(*p) && *p != '/' && *p != '>') ++p;
    for (int i = 0; attrs[i]; i += 2) {
        while (p < end && isBlank(*p)) ++p;
        const std::size_t name = p < end && *p != '/' && *p != '>' ? static_cast<std::size_t>(p - s.data) : tag;
        while (p < end && *p != '=') ++p;
        while (p < end && *p != '"' && *p != '\'') ++p;
        if (p < end) {
            const void* close = std::memchr(p + 1, *p, static_cast<std::size_t>(end - p - 1));
            p = close ? static_cast<const char*>(close) + 1 : end;
        }
        s.attributes.push_back({attrs[i], attrs[i + 1], name});
    }
}

void stop(State& s, std::string code, std::string sv, std::string en) {
    if (s.result.problem.found) return;
    s.result.problem = {true, static_cast<std::size_t>(XML_GetCurrentByteIndex(s.parser)), std::move(code),
                        std::move(sv), std::move(en)};
    XML_StopParser(s.parser, XML_FALSE);
}

void XMLCALL onStart(void* user, const XML_Char* name, const XML_Char** attrs) {
    auto& s = *static_cast<State*>(user);
    s.open.emplace_back(name);
    if (!s.sawRoot) {
        s.sawRoot = true;
        for (int i = 0; attrs[i]; i += 2)
            if (std::strcmp(attrs[i], "lang") == 0) s.result.rootLang = attrs[i + 1];
    }
    if (!s.events) return;
    const auto tag = static_cast<std::size_t>(XML_GetCurrentByteIndex(s.parser));
    findAttributes(s, tag, attrs);
    s.events->start(name, tag, s.attributes);
}

void XMLCALL onEnd(void* user, const XML_Char*) {
    auto& s = *static_cast<State*>(user);
    s.open.pop_back();
    if (s.events) s.events->end();
}

void XMLCALL onText(void* user, const XML_Char* data, int length) {
    auto& s = *static_cast<State*>(user);
    const auto at = static_cast<std::size_t>(XML_GetCurrentByteIndex(s.parser));
    s.events->text(data, static_cast<std::size_t>(length), at, at < s.size && s.data[at] == '&');
}

void XMLCALL onComment(void* user, const XML_Char*) { static_cast<State*>(user)->events->markup(false, false); }
void XMLCALL onInstruction(void* user, const XML_Char*, const XML_Char*) {
    static_cast<State*>(user)->events->markup(false, false);
}
void XMLCALL onCdataStart(void* user) { static_cast<State*>(user)->events->markup(true, false); }
void XMLCALL onCdataEnd(void* user) { static_cast<State*>(user)->events->markup(false, true); }

void XMLCALL onDoctype(void* user, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    // Entity declarations can expand without bound or reach outside the file: not accepted.
    auto& s = *static_cast<State*>(user);
    stop(s, "source.doctype", "DOCTYPE- och entitetsdeklarationer tillåts inte i en källfil",
         "DOCTYPE and entity declarations are not allowed in a source file");
    // expat is past the name here: point at the declaration's '<!'.
    const std::string_view before(s.data, s.result.problem.offset);
    if (const auto at = before.rfind("<!"); at != std::string_view::npos) s.result.problem.offset = at;
}

void XMLCALL onXmlDecl(void* user, const XML_Char* version, const XML_Char* encoding, int) {
    auto& s = *static_cast<State*>(user);
    if (version && std::strcmp(version, "1.0") != 0)
        stop(s, "source.malformed-xml", std::string("XML-versionen måste vara 1.0, inte ") + version,
             std::string("the XML version must be 1.0, not ") + version);
    if (encoding && strcasecmp(encoding, "UTF-8") != 0)
        stop(s, "source.encoding",
             std::string("filen anger teckenkodningen ") + encoding + "; källfiler läses bara som UTF-8",
             std::string("the file declares the encoding ") + encoding + "; source files are read as UTF-8 only");
}

}  // namespace

XmlCheck checkWellFormed(const char* data, std::size_t size, XmlEvents* events) {
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(XML_ParserCreate("UTF-8"),
                                                                                     XML_ParserFree);
    State s{parser.get(), data, size, events, {}, false, {}, {}};
    XML_SetUserData(s.parser, &s);
    XML_SetElementHandler(s.parser, onStart, onEnd);
    if (events) {
        XML_SetCharacterDataHandler(s.parser, onText);
        XML_SetCommentHandler(s.parser, onComment);
        XML_SetProcessingInstructionHandler(s.parser, onInstruction);
        XML_SetCdataSectionHandler(s.parser, onCdataStart, onCdataEnd);
    }
    XML_SetStartDoctypeDeclHandler(s.parser, onDoctype);
    XML_SetXmlDeclHandler(s.parser, onXmlDecl);
    // In pieces: expat copies what it is given into a buffer of its own, and the whole file at
    // once would be a second copy of it, held beside the values being built.
    XML_Status status = XML_STATUS_OK;
    std::size_t done = 0;
    do {
        const std::size_t n = std::min(kPieceBytes, size - done);
        const bool last = done + n == size;
        status = XML_Parse(s.parser, data + done, static_cast<int>(n), last ? XML_TRUE : XML_FALSE);
        done += n;
    } while (status == XML_STATUS_OK && done < size);
    if (status == XML_STATUS_ERROR && !s.result.problem.found) {
        const XML_Error e = XML_GetErrorCode(s.parser);
        const Messages m = describe(e);
        const std::string own = XML_ErrorString(e);
        // Which tag: the one still open where the parser stopped.
        std::string sv = m.sv ? m.sv : own, en = m.en ? m.en : own;
        if (!s.open.empty() && e != XML_ERROR_JUNK_AFTER_DOC_ELEMENT) {
            sv += " (i <" + s.open.back() + ">)";
            en += " (inside <" + s.open.back() + ">)";
        }
        s.result.problem = {true, static_cast<std::size_t>(XML_GetCurrentByteIndex(s.parser)), "source.malformed-xml",
                            "felaktig XML: " + sv, "malformed XML: " + en};
    }
    return s.result;
}

}  // namespace overens
