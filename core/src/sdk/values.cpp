#include "overens/values.hpp"

#include <mutex>
#include <set>

namespace overens {

namespace {

// Field names live as long as the process; there are as many as the schemas have fields.
const std::string* intern(const std::string& name) {
    static std::mutex guard;
    static std::set<std::string, std::less<>> names;
    const std::lock_guard<std::mutex> lock(guard);
    return &*names.insert(name).first;
}

}  // namespace

std::optional<bool> parseBoolean(const std::string& text) {
    if (text == "true" || text == "yes" || text == "ja" || text == "1") return true;
    if (text == "false" || text == "no" || text == "nej" || text == "0") return false;
    return std::nullopt;
}

const Record::Many* Record::many(const std::string& name, Kind kind) const {
    for (const auto& m : many_)
        if (m.kind == kind && *m.name == name) return &m;
    return nullptr;
}

Record::Many& Record::many(const std::string& name, Kind kind) {
    for (auto& m : many_)
        if (m.kind == kind && *m.name == name) return m;
    many_.push_back(Many{intern(name), kind, {}, {}});
    return many_.back();
}

bool Record::has(const std::string& name) const {
    if (get(name)) return true;
    for (const auto& m : many_)
        if (*m.name == name) return true;
    return false;
}

const Value* Record::get(const std::string& name) const {
    for (const auto& s : scalars_)
        if (*s.name == name) return &s.value;
    return nullptr;
}

std::string Record::text(const std::string& name, const std::string& fallback) const {
    const Value* v = get(name);
    return v ? v->text : fallback;
}

std::optional<Date> Record::date(const std::string& name) const {
    const Value* v = get(name);
    return v ? v->date : std::nullopt;
}

std::optional<Duration> Record::duration(const std::string& name) const {
    const Value* v = get(name);
    return v ? v->duration : std::nullopt;
}

bool Record::flag(const std::string& name, bool fallback) const {
    const Value* v = get(name);
    return v ? v->flag : fallback;
}

Location Record::whereOf(const std::string& name) const {
    if (const Value* v = get(name)) return v->where;
    if (const Many* m = many(name, Kind::List); m && !m->items.empty()) return m->items.front().where;
    if (const Many* m = many(name, Kind::Table); m && !m->records.empty()) return m->records.front().where;
    if (const Record* g = group(name)) return g->where;
    return where;
}

const std::vector<Value>& Record::list(const std::string& name) const {
    static const std::vector<Value> none;
    const Many* m = many(name, Kind::List);
    return m ? m->items : none;
}

const std::vector<Record>& Record::rows(const std::string& name) const {
    static const std::vector<Record> none;
    const Many* m = many(name, Kind::Table);
    return m ? m->records : none;
}

const Record* Record::group(const std::string& name) const {
    const Many* m = many(name, Kind::Group);
    return !m || m->records.empty() ? nullptr : &m->records.front();
}

void Record::setScalar(const std::string& name, Value v) {
    for (auto& s : scalars_)
        if (*s.name == name) {
            s.value = std::move(v);
            return;
        }
    scalars_.push_back(Scalar{intern(name), std::move(v)});
}

void Record::shrinkToFit() {
    for (auto& m : many_) {
        m.items.shrink_to_fit();
        m.records.shrink_to_fit();
    }
    many_.shrink_to_fit();
}

void Record::addItem(const std::string& name, Value v) { many(name, Kind::List).items.push_back(std::move(v)); }
void Record::addRow(const std::string& name, Record r) { many(name, Kind::Table).records.push_back(std::move(r)); }
void Record::setGroup(const std::string& name, Record r) {
    auto& g = many(name, Kind::Group).records;
    g.clear();
    g.push_back(std::move(r));
}

}  // namespace overens
