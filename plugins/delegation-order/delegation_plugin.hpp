// The delegation-order section: the board's delegation order (Kommunallagen 6 kap. 37-40 §§,
// 7 kap. 5-8 §§). General rules from the wording templates, the roles the order uses and the
// table of delegated matters, grouped in areas.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "overens/sdk.hpp"

namespace overens::delegation {

class DelegationOrderPlugin : public SectionPlugin {
public:
    PluginInfo info() const override;
    Schema schema() const override;
    Interview interview() const override;  // delegation_interview.cpp
    void validate(const Record& values, const Context& ctx, Diagnostics& out) const override;
    doc::Blocks render(const Record& values, const Context& ctx, const Wording& wording) const override;
    void publish(const Record& values, const Context& ctx, Facts& out) const override;
    void crossCheck(const Record& values, const Context& ctx, const Facts& own, const std::vector<Facts>& others,
                    Diagnostics& out) const override;
};

// The kinds of role a delegation order knows, and which side of the house each is on.
enum class Side { Elected, Employee, Automated, NotAllowed };
Side sideOf(const std::string& roleKind);
// May this kind of role take part in the board's urgent decisions (6 kap. 39 §)?
bool isMember(const std::string& roleKind);
// May this kind of role sub-delegate (7 kap. 6 §)?
bool isHeadOfDepartment(const std::string& roleKind);

// One reference to roles in a delegate/substitute field: "kd", "kd, ekchef" (each alone) or
// "ordf + kd" (jointly).
struct RoleRef {
    std::vector<std::string> ids;
    bool joint = false;
};
RoleRef parseRoles(const std::string& text);

// The role table, by id.
std::map<std::string, const Record*> rolesById(const Record& values);

// Lower-case ASCII and the Swedish letters å, ä, ö, é (UTF-8) for keyword matching.
std::string lowerSv(const std::string& s);

// The 6 kap. 38 § categories: first list (not delegable at all) and second list (not to an
// automated decision function).
bool isFirstListCategory(const std::string& category);
bool isSecondListCategory(const std::string& category);

// The reporting that applies to a row: the row's own, else the order's default.
std::string reportingOf(const Record& row, const Record& order);

}  // namespace overens::delegation
