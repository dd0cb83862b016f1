# overens_add_module(<name> FOLDERS <dir>... [COMMAND_FILES <file>...] [REQUIRES <file>]
#                    LIBS <lib>... [INCLUDES <dir>...])
#
# A module is a part of the command whose libraries only some runs need (see
# core/src/modules/module.hpp). Its code is chosen by folder, never by file name:
#  - overens_<name>_code: a static library of every .cpp under FOLDERS (including the folder's
#    registration file, if it has one), built with -fPIC. Tests and tools get it through
#    `overens_core`, the whole core (whole, for a module without a command: its registration
#    file is then in the folder and found through a weak reference, see writers/registry.cpp).
#  - <name>.so in lib/overens/modules/: that library whole, plus COMMAND_FILES (a command's files
#    in core/cli/ and its registration file there), linked with LIBS; INCLUDES are its own
#    include folders (libraries without a CMake target). It resolves the core's
#    symbols against the `overens` executable (ENABLE_EXPORTS), which opens it with dlopen.
# The module is built only when REQUIRES (default: the first COMMAND_FILES) exists, so a module
# can be declared before its command lands. The folders and files are left out of the executable.
function(overens_add_module name)
  cmake_parse_arguments(ARG "" "REQUIRES" "FOLDERS;COMMAND_FILES;LIBS;INCLUDES" ${ARGN})
  set(code_sources)
  foreach(folder IN LISTS ARG_FOLDERS)
    file(GLOB_RECURSE found CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/*.cpp)
    list(APPEND code_sources ${found})
    set_property(GLOBAL APPEND PROPERTY OVERENS_MODULE_FOLDERS ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/)
  endforeach()
  set(command_sources)
  foreach(file IN LISTS ARG_COMMAND_FILES)
    set_property(GLOBAL APPEND PROPERTY OVERENS_MODULE_FILES ${CMAKE_CURRENT_SOURCE_DIR}/${file})
    list(APPEND command_sources ${CMAKE_CURRENT_SOURCE_DIR}/${file})
  endforeach()

  set(code overens_${name}_code)
  if(code_sources)
    add_library(${code} STATIC ${code_sources})
  else()
    add_library(${code} INTERFACE)
  endif()
  if(code_sources)
    target_link_libraries(${code} PUBLIC overens_core_headers ${ARG_LIBS})
    target_include_directories(${code} PUBLIC ${ARG_INCLUDES})
    set_target_properties(${code} PROPERTIES POSITION_INDEPENDENT_CODE ON
      CXX_VISIBILITY_PRESET default VISIBILITY_INLINES_HIDDEN OFF)
    if(ARG_COMMAND_FILES)
      set_property(GLOBAL APPEND PROPERTY OVERENS_MODULE_CODE ${code})
    else()
      set_property(GLOBAL APPEND PROPERTY OVERENS_MODULE_CODE_WHOLE ${code})
    endif()
  endif()

  set(requires ${ARG_REQUIRES})
  if(NOT requires AND ARG_COMMAND_FILES)
    list(GET ARG_COMMAND_FILES 0 requires)
  endif()
  if(requires AND NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${requires})
    return()
  endif()
  set(module overens_module_${name})
  if(NOT command_sources)  # a target needs one source of its own
    set(command_sources ${CMAKE_CURRENT_BINARY_DIR}/${name}_module.cpp)
    file(CONFIGURE OUTPUT ${command_sources} CONTENT "// The module ${name}: all of its code is in ${code}.\n")
  endif()
  add_library(${module} MODULE ${command_sources})
  if(code_sources)
    target_link_libraries(${module} PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,${code}>")
  endif()
  target_link_libraries(${module} PRIVATE overens_core_headers ${ARG_LIBS})
  target_include_directories(${module} PRIVATE ${ARG_INCLUDES})
  overens_bind_own_functions(${module})  # cmake/OverensLinking.cmake
  set_target_properties(${module} PROPERTIES PREFIX "" OUTPUT_NAME ${name}
    CXX_VISIBILITY_PRESET default VISIBILITY_INLINES_HIDDEN OFF
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/${OVERENS_MODULE_INSTALL_DIR})
  install(TARGETS ${module} LIBRARY DESTINATION ${OVERENS_MODULE_INSTALL_DIR})
  set_property(GLOBAL APPEND PROPERTY OVERENS_MODULE_TARGETS ${module})
endfunction()
