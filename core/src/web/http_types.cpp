#include "web/http_types.hpp"

namespace overens::web {

namespace {
const std::string* lastOf(const Params& params, const std::string& name) {
    const std::string* found = nullptr;
    for (const auto& [k, v] : params)
        if (k == name) found = &v;
    return found;
}
}  // namespace

std::string Request::param(const std::string& name) const {
    if (const std::string* v = lastOf(form, name)) return *v;
    if (const std::string* v = lastOf(query, name)) return *v;
    return {};
}

bool Request::hasParam(const std::string& name) const { return lastOf(form, name) || lastOf(query, name); }

std::string Request::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

Response Response::redirect(const std::string& location) {
    Response r;
    r.status = 303;
    r.headers.emplace_back("Location", location);
    return r;
}

Response Response::json(std::string body) {
    Response r;
    r.contentType = "application/json; charset=utf-8";
    r.body = std::move(body);
    return r;
}

Response Response::text(int status, std::string body) {
    Response r;
    r.status = status;
    r.contentType = "text/plain; charset=utf-8";
    r.body = std::move(body);
    return r;
}

}  // namespace overens::web
