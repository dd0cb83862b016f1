// Everything a section plugin sees.
#pragma once

#include "overens/calendar.hpp"
#include "overens/compose.hpp"
#include "overens/context.hpp"
#include "overens/diagnostics.hpp"
#include "overens/document.hpp"
#include "overens/interview.hpp"
#include "overens/plugin.hpp"
#include "overens/schema.hpp"
#include "overens/values.hpp"
#include "overens/version.hpp"
#include "overens/wording.hpp"
