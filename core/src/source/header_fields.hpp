// The shared header's questions as Fields, the same type a section's schema uses: the reader
// checks the header elements' attributes through them, a form asks them with these labels.
#pragma once

#include <string>
#include <vector>

#include "overens/schema.hpp"

namespace overens {

// In the order a form asks them: "lang" (the root's attribute), "organisation" (Group),
// "party" (Table), "registration" (Group), "review" (Group), "history" (Group holding the
// Table "revision"). The answers model's header paths follow this shape.
const std::vector<Field>& headerFields();

// The attributes of one header element: "organisation", "party", "registration", "review" or
// "revision". An unknown name gives an empty list.
const std::vector<Field>& headerAttributes(const std::string& element);

}  // namespace overens
