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
