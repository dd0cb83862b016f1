// The web face's view of HTTP, independent of the server library: what a page handler is given
// and what it returns. Only http_server.cpp turns these into Poco::Net objects.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "web/principal.hpp"

namespace overens::web {

using Params = std::vector<std::pair<std::string, std::string>>;  // in the order sent

struct Request {
    std::string method;  // "GET", "POST"
    std::string path;    // decoded, without the query
    Params query;
    Params form;         // application/x-www-form-urlencoded body of a POST
    std::map<std::string, std::string> cookies;
    std::map<std::string, std::string> headers;  // by lower-case name
    std::string client;   // the peer's address (or X-Forwarded-For's first one behind a proxy), for logs
    // Who is asking, filled in by the access layer before any page (principal.hpp).
    Principal principal;
    // Set by the server when it refused what was sent, for the access layer to answer and log:
    // "cross-site", "too-large", "too-many-fields", "field-too-large", "bad-character",
    // "not-urlencoded" (refusalDetail: the field, the character).
    std::string refusal, refusalDetail;

    // The last value of a query or form parameter ("" when absent).
    std::string param(const std::string& name) const;
    bool hasParam(const std::string& name) const;
    std::string header(const std::string& lowerCaseName) const;
};

struct Response {
    int status = 200;
    std::string contentType = "text/html; charset=utf-8";
    std::string body;
    std::filesystem::path file;  // when set, the body is this file's content
    std::vector<std::pair<std::string, std::string>> headers;

    static Response redirect(const std::string& location);  // 303 See Other
    static Response json(std::string body);
    static Response text(int status, std::string body);
};

}  // namespace overens::web
