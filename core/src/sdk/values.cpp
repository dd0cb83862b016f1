#include "overens/values.hpp"

namespace overens {

std::optional<bool> parseBoolean(const std::string& text) {
    if (text == "true" || text == "yes" || text == "ja" || text == "1") return true;
    if (text == "false" || text == "no" || text == "nej" || text == "0") return false;
    return std::nullopt;
}

bool Record::has(const std::string& name) const {
    return scalars_.count(name) || lists_.count(name) || tables_.count(name) || groups_.count(name);
}

const Value* Record::get(const std::string& name) const {
    auto it = scalars_.find(name);
    return it == scalars_.end() ? nullptr : &it->second;
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
    if (auto it = lists_.find(name); it != lists_.end() && !it->second.empty()) return it->second.front().where;
    if (auto it = tables_.find(name); it != tables_.end() && !it->second.empty()) return it->second.front().where;
    if (const Record* g = group(name)) return g->where;
    return where;
}

const std::vector<Value>& Record::list(const std::string& name) const {
    static const std::vector<Value> none;
    auto it = lists_.find(name);
    return it == lists_.end() ? none : it->second;
}

const std::vector<Record>& Record::rows(const std::string& name) const {
    static const std::vector<Record> none;
    auto it = tables_.find(name);
    return it == tables_.end() ? none : it->second;
}

const Record* Record::group(const std::string& name) const {
    auto it = groups_.find(name);
    return it == groups_.end() || it->second.empty() ? nullptr : &it->second.front();
}

void Record::setScalar(const std::string& name, Value v) { scalars_[name] = std::move(v); }
void Record::addItem(const std::string& name, Value v) { lists_[name].push_back(std::move(v)); }
void Record::addRow(const std::string& name, Record r) { tables_[name].push_back(std::move(r)); }
void Record::setGroup(const std::string& name, Record r) {
    auto& g = groups_[name];
    g.clear();
    g.push_back(std::move(r));
}

}  // namespace overens
