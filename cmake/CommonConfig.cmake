# One INTERFACE target carries the compile settings every target of the project
# shares: the C++ standard, warnings (as errors) and the Qt strictness macros.
add_library(mgn_common_settings INTERFACE)
add_library(Mgn::CommonSettings ALIAS mgn_common_settings)

target_compile_features(mgn_common_settings INTERFACE cxx_std_20)
target_compile_definitions(mgn_common_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    MGN_VERSION="${PROJECT_VERSION}")

if(MSVC)
    target_compile_options(mgn_common_settings INTERFACE /W4 /permissive- /utf-8)
    if(MGN_WARNINGS_AS_ERRORS)
        target_compile_options(mgn_common_settings INTERFACE /WX)
    endif()
else()
    target_compile_options(mgn_common_settings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
    if(MGN_WARNINGS_AS_ERRORS)
        target_compile_options(mgn_common_settings INTERFACE -Werror)
    endif()
endif()

# Sanitizers go on every target of the project through this target, compile
# and link alike, so the runtime is linked into our own executables only:
# nothing is preloaded into the python, aws or dbus processes the tests start.
if(MGN_SANITIZERS)
    list(JOIN MGN_SANITIZERS "," mgn_sanitizer_list)
    target_compile_options(mgn_common_settings INTERFACE
        -fsanitize=${mgn_sanitizer_list} -fno-omit-frame-pointer)
    target_link_options(mgn_common_settings INTERFACE -fsanitize=${mgn_sanitizer_list})
    if("undefined" IN_LIST MGN_SANITIZERS)
        # A finding is a failure, not a line in a log nobody reads.
        target_compile_options(mgn_common_settings INTERFACE -fno-sanitize-recover=undefined)
        target_link_options(mgn_common_settings INTERFACE -fno-sanitize-recover=undefined)
    endif()
endif()

# libFuzzer's coverage instrumentation on all of our code; only the fuzz
# targets link the fuzzer's main (-fsanitize=fuzzer, in fuzz/). Other
# executables of the same tree still link: the sanitizer runtime has no-op
# defaults for the coverage callbacks.
if(MGN_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "MGN_BUILD_FUZZERS needs clang (libFuzzer); configure with the fuzz preset")
    endif()
    target_compile_options(mgn_common_settings INTERFACE -fsanitize=fuzzer-no-link)
endif()
