# overens_add_plugin(<id> SOURCES <file>... [OUTPUT_DIRECTORY <dir>] [NO_INSTALL])
#
# Builds a section plugin as a loadable module named <id>.so that links only the SDK.
# Used inside this repository and, installed, by third parties through find_package(Overens).
function(overens_add_plugin id)
  cmake_parse_arguments(ARG "NO_INSTALL" "OUTPUT_DIRECTORY" "SOURCES" ${ARGN})
  set(target overens_plugin_${id})
  string(REPLACE "-" "_" target "${target}")
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE Overens::sdk)
  target_compile_features(${target} PRIVATE cxx_std_17)
  set_target_properties(${target} PROPERTIES
    PREFIX "" OUTPUT_NAME "${id}"
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    INSTALL_RPATH "$ORIGIN/../..")
  # -Bsymbolic-functions: the plugin's own functions (std:: templates it instantiates are exported
  # by default) are called directly, never looked up in and bound to the executable's or the SDK's.
  target_link_options(${target} PRIVATE -Wl,--no-undefined -Wl,-Bsymbolic-functions)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  elseif(DEFINED OVERENS_PLUGIN_BUILD_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${OVERENS_PLUGIN_BUILD_DIR}")
  endif()
  if(NOT ARG_NO_INSTALL)
    if(NOT DEFINED OVERENS_PLUGIN_INSTALL_DIR)
      set(OVERENS_PLUGIN_INSTALL_DIR lib/overens/plugins)
    endif()
    install(TARGETS ${target} LIBRARY DESTINATION ${OVERENS_PLUGIN_INSTALL_DIR})
  endif()
  # Tests that run the command depend on every in-tree plugin being built.
  set_property(GLOBAL APPEND PROPERTY OVERENS_PLUGIN_TARGETS ${target})
endfunction()
