# How the command is linked, chosen by what the dynamic loader does before main() (issue 16).
# Nearly all of a short run's instructions are ld.so's symbol lookups (`valgrind --tool=callgrind
# build/bin/overens --version`: 98 %), and nearly all of those lookups are made by the libraries
# themselves, not by our code: Debian links libPocoFoundation and libPocoZip BIND_NOW (~4,050 and
# ~650 lookups on every run, most of them for their own symbols), libstdc++ makes ~1,750. Our own
# objects make a few hundred, lazily.
#
# overens_link_lookups_first(<target>)
#   Every lookup searches the executable, then its DT_NEEDED libraries in link order, until one
#   defines the symbol; each library passed costs a bloom-filter test. The libraries that are
#   looked up most go first: libPocoFoundation, libstdc++, libPocoZip (callgrind: 10 % fewer ld.so
#   instructions for --version, validate and the agreement → ODT). They are only moved, never added: with
#   --as-needed (Debian's default) a library the command stops using still drops out.
#   tests/core/cli/link_order_test.cpp holds the order.
function(overens_link_lookups_first target)
  # As a file, not the target: CMake would merge the target with its later place (after Zip).
  # Named right after the core, so they are the first shared libraries the linker meets.
  target_link_libraries(${target} PRIVATE "$<TARGET_LINKER_FILE:Poco::Foundation>" stdc++
    "$<TARGET_LINKER_FILE:Poco::Zip>")
endfunction()

# overens_bind_own_functions(<target>...)
#   -Bsymbolic-functions for our shared objects (the SDK, the modules): a call from the library
#   to a function it defines itself is bound when it is linked, not looked up by ld.so at run time
#   (the SDK: 136 → 39 PLT slots; pdf.so: 488 → 287), and skips the PLT. Nothing may interpose
#   them: plugins keep their symbols hidden and the executable defines none of theirs. Data
#   (vtables, typeinfo, static locals of inline functions) is still bound at run time, so there
#   is still one of each. Measured: the agreement → ODT+PDF+ICS 0.9 % fewer instructions in all,
#   ld.so 11 % fewer with the order above.
function(overens_bind_own_functions)
  foreach(target IN LISTS ARGN)
    target_link_options(${target} PRIVATE LINKER:-Bsymbolic-functions)
  endforeach()
endfunction()
