# Warnings for the project's own code. They are errors when SURVEYCALC_WERROR is
# ON (scripts/test.sh and CI turn it on, for GCC and Clang alike); a build with
# another compiler version than CI's only warns. A compiler's false positive is
# suppressed at the line that triggers it, never by loosening these flags.
option(SURVEYCALC_WERROR "Treat warnings in surveycalc's own code as errors" OFF)

# surveycalc_warnings(<target> [STRICT]): STRICT adds the conversion and
# shadowing warnings core is written to (not applied to code that includes
# third-party headers with such warnings, such as Catch2 or the UNO SDK).
function(surveycalc_warnings target)
  cmake_parse_arguments(ARG "STRICT" "" "" ${ARGN})
  set(flags -Wall -Wextra)
  if(ARG_STRICT)
    list(APPEND flags -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  endif()
  if(SURVEYCALC_WERROR)
    list(APPEND flags -Werror)
  endif()
  target_compile_options(${target} PRIVATE ${flags})
endfunction()
