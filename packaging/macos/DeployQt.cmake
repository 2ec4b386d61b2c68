# Last install step of the macOS bundle (cmake --install, cpack): macdeployqt
# copies Qt and qtkeychain into mgn-dashboard.app for the dashboard and the two
# command-line tools in Contents/MacOS. With MGN_CODESIGN_IDENTITY in the
# environment (a "Developer ID Application: ..." identity of the keychain) it
# signs everything with the hardened runtime and a secure timestamp, as
# notarization requires. MGN_MACDEPLOYQT and MGN_EXTRA_LIBPATH come from
# cmake/Packaging.cmake.
set(app "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/mgn-dashboard.app")
set(identity "$ENV{MGN_CODESIGN_IDENTITY}")

set(args "${app}" -verbose=1
    "-executable=${app}/Contents/MacOS/mgnctl"
    "-executable=${app}/Contents/MacOS/mgn-emulator"
    "-libpath=${MGN_EXTRA_LIBPATH}")
if(identity)
    list(APPEND args "-codesign=${identity}" -hardened-runtime -timestamp)
endif()
message(STATUS "macdeployqt ${app}")
execute_process(COMMAND "${MGN_MACDEPLOYQT}" ${args} COMMAND_ERROR_IS_FATAL ANY)

if(identity)
    # Inside out: the command-line tools, then the bundle's own seal over them.
    foreach(code IN ITEMS "${app}/Contents/MacOS/mgnctl" "${app}/Contents/MacOS/mgn-emulator" "${app}")
        execute_process(
            COMMAND codesign --force --options runtime --timestamp --sign "${identity}" "${code}"
            COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
    execute_process(COMMAND codesign --verify --deep --strict --verbose=2 "${app}"
        COMMAND_ERROR_IS_FATAL ANY)
else()
    # macdeployqt rewrote the binaries; Apple silicon runs no unsigned code, so
    # an ad-hoc signature (this machine only, not for distribution).
    message(STATUS "MGN_CODESIGN_IDENTITY is not set: ad-hoc signature only")
    execute_process(COMMAND codesign --force --deep --sign - "${app}" COMMAND_ERROR_IS_FATAL ANY)
endif()
