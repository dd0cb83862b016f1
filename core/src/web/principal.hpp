// Who is asking: filled in for every request by the web face's access layer before a page sees
// it. Without accounts (serve on 127.0.0.1 and no --users) the principal may see every
// organisation and has no name.
//
// Contract of issue 10 (see /work/wt/STORE-CONTRACT.md while it is being built).
#pragma once

#include <set>
#include <string>

namespace overens::web {

struct Principal {
    std::string user;                     // the account; "" without accounts
    std::set<std::string> organisations;  // granted ids
    bool everyOrganisation = false;       // no accounts, or granted "*"
    std::string csrfToken;                // of the session; every state-changing form posts it as _csrf

    bool mayAccess(const std::string& organisation) const {
        return everyOrganisation || organisations.count(organisation) > 0;
    }
    // The author recorded with a saved version.
    std::string author() const { return user.empty() ? "local" : user; }
};

}  // namespace overens::web
