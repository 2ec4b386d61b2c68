# Install rules and CPack settings for every platform, in one place.
# Components: application (mgn-dashboard and its runtime), emulator, mgnctl.
# packaging/README.md says how each installer is built.
include(GNUInstallDirs)

# AppStream discourages hyphens in IDs; bundle IDs do not allow underscores.
set(MGN_APP_ID "io.github.mgn_dashboard.MgnDashboard")
set(MGN_BUNDLE_ID "io.github.mgn-dashboard.MgnDashboard")
set(MGN_DISPLAY_NAME "MGN Dashboard")
set(MGN_PACKAGING_DIR "${PROJECT_SOURCE_DIR}/packaging")
set(MGN_ICONS_DIR "${PROJECT_SOURCE_DIR}/resources/icons")
set(MGN_PACKAGING_BINARY_DIR "${PROJECT_BINARY_DIR}/packaging")

# The macOS bundle settings are configured on every platform so that CI on
# Linux can validate the Info.plist (packaging/linux/ci-check.sh).
if(CMAKE_OSX_DEPLOYMENT_TARGET)
    set(MGN_MACOS_MINIMUM "${CMAKE_OSX_DEPLOYMENT_TARGET}")
else()
    set(MGN_MACOS_MINIMUM "11.0")
endif()
configure_file("${MGN_PACKAGING_DIR}/macos/Info.plist.in"
    "${MGN_PACKAGING_BINARY_DIR}/macos/Info.plist" @ONLY)

# --- The executables ---------------------------------------------------------
if(APPLE)
    # One self-contained bundle: the command-line tools live next to the
    # dashboard in Contents/MacOS so that macdeployqt deploys Qt for all three.
    set(MGN_BUNDLE_BINDIR "mgn-dashboard.app/Contents/MacOS")
    set_source_files_properties("${MGN_ICONS_DIR}/mgn-dashboard.icns"
        TARGET_DIRECTORY mgn-dashboard
        PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    target_sources(mgn-dashboard PRIVATE "${MGN_ICONS_DIR}/mgn-dashboard.icns")
    set_target_properties(mgn-dashboard PROPERTIES
        MACOSX_BUNDLE_INFO_PLIST "${MGN_PACKAGING_BINARY_DIR}/macos/Info.plist")
    set_target_properties(mgn-dashboard mgnctl mgn-emulator PROPERTIES
        INSTALL_RPATH "@executable_path/../Frameworks")
    install(TARGETS mgn-dashboard BUNDLE DESTINATION . COMPONENT application)
    install(TARGETS mgnctl RUNTIME DESTINATION "${MGN_BUNDLE_BINDIR}" COMPONENT mgnctl)
    install(TARGETS mgn-emulator RUNTIME DESTINATION "${MGN_BUNDLE_BINDIR}" COMPONENT emulator)
else()
    install(TARGETS mgn-dashboard RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT application)
    install(TARGETS mgnctl RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT mgnctl)
    install(TARGETS mgn-emulator RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT emulator)
endif()

# --- Desktop integration and documentation ----------------------------------
if(UNIX AND NOT APPLE)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/mgn-dashboard.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT application)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/${MGN_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo" COMPONENT application)
    install(FILES "${MGN_ICONS_DIR}/mgn-dashboard.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" COMPONENT application)
    foreach(size IN ITEMS 16 24 32 48 64 128 256 512)
        install(FILES "${MGN_ICONS_DIR}/hicolor/${size}x${size}/mgn-dashboard.png"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps"
            COMPONENT application)
    endforeach()

    # Debian wants man pages and the changelog compressed without a timestamp.
    find_program(MGN_GZIP gzip REQUIRED)
    set(mgn_gzipped)
    foreach(doc IN ITEMS man/mgn-dashboard.1 man/mgnctl.1 man/mgn-emulator.1 changelog)
        get_filename_component(name "${doc}" NAME)
        set(out "${MGN_PACKAGING_BINARY_DIR}/linux/${name}.gz")
        add_custom_command(OUTPUT "${out}"
            COMMAND "${MGN_GZIP}" -9nc "${MGN_PACKAGING_DIR}/linux/${doc}" > "${out}"
            DEPENDS "${MGN_PACKAGING_DIR}/linux/${doc}"
            COMMENT "Compressing ${name}"
            VERBATIM)
        list(APPEND mgn_gzipped "${out}")
    endforeach()
    add_custom_target(mgn_linux_docs ALL DEPENDS ${mgn_gzipped})

    set(mgn_man1 "${CMAKE_INSTALL_MANDIR}/man1")
    set(mgn_gz "${MGN_PACKAGING_BINARY_DIR}/linux")
    install(FILES "${mgn_gz}/mgn-dashboard.1.gz" DESTINATION "${mgn_man1}" COMPONENT application)
    install(FILES "${mgn_gz}/mgnctl.1.gz" DESTINATION "${mgn_man1}" COMPONENT mgnctl)
    install(FILES "${mgn_gz}/mgn-emulator.1.gz" DESTINATION "${mgn_man1}" COMPONENT emulator)
    install(FILES "${MGN_PACKAGING_DIR}/linux/copyright" "${mgn_gz}/changelog.gz"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/mgn-dashboard" COMPONENT application)
elseif(APPLE)
    install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" RENAME LICENSE.txt
        DESTINATION mgn-dashboard.app/Contents/Resources COMPONENT application)
else()
    install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" RENAME LICENSE.txt
        DESTINATION . COMPONENT application)
endif()

# --- Qt runtime next to the executables (Windows, macOS) ---------------------
if(WIN32)
    # The executable's icon; an object library keeps the resource compiler
    # away from the C++ warning flags of Mgn::CommonSettings.
    enable_language(RC)
    add_library(mgn_dashboard_icon OBJECT "${MGN_PACKAGING_DIR}/windows/mgn-dashboard.rc")
    target_link_libraries(mgn-dashboard PRIVATE mgn_dashboard_icon)

    find_program(MGN_WINDEPLOYQT windeployqt
        HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" REQUIRED)
    get_target_property(mgn_keychain_type Qt6Keychain::Qt6Keychain TYPE)
    if(mgn_keychain_type STREQUAL "SHARED_LIBRARY")
        install(IMPORTED_RUNTIME_ARTIFACTS Qt6Keychain::Qt6Keychain
            RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT application)
    endif()
    # simdjson (JsonTape's engine) when it is a DLL, as vcpkg's x64-windows builds it.
    get_target_property(mgn_simdjson_type simdjson::simdjson TYPE)
    if(mgn_simdjson_type STREQUAL "SHARED_LIBRARY")
        install(IMPORTED_RUNTIME_ARTIFACTS simdjson::simdjson
            RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT application)
    endif()
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT application)
    include(InstallRequiredSystemLibraries)
    install(CODE "set(MGN_WINDEPLOYQT \"${MGN_WINDEPLOYQT}\")
set(MGN_DEPLOY_BINDIR \"${CMAKE_INSTALL_BINDIR}\")" COMPONENT application)
    install(SCRIPT "${MGN_PACKAGING_DIR}/windows/DeployQt.cmake" COMPONENT application)
elseif(APPLE)
    find_program(MGN_MACDEPLOYQT macdeployqt
        HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" REQUIRED)
    get_target_property(mgn_keychain_location Qt6Keychain::Qt6Keychain LOCATION)
    get_filename_component(mgn_keychain_dir "${mgn_keychain_location}" DIRECTORY)
    # Last install rule of the bundle: macdeployqt, then signing when
    # MGN_CODESIGN_IDENTITY is set in the environment of cpack.
    install(CODE "set(MGN_MACDEPLOYQT \"${MGN_MACDEPLOYQT}\")
set(MGN_EXTRA_LIBPATH \"${mgn_keychain_dir}\")" COMPONENT application)
    install(SCRIPT "${MGN_PACKAGING_DIR}/macos/DeployQt.cmake" COMPONENT application)
endif()

# --- CPack --------------------------------------------------------------------
set(CPACK_PACKAGE_NAME "mgn-dashboard")
set(CPACK_PACKAGE_VENDOR "MGN Dashboard project")
set(CPACK_PACKAGE_CONTACT "MGN Dashboard maintainers <mgn-dashboard@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION_FILE "${MGN_PACKAGING_DIR}/description.txt")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "${MGN_DISPLAY_NAME}")
# Fixed across versions: the Windows installers find and replace an older
# installation through it.
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "MgnDashboard")
set(CPACK_PACKAGE_EXECUTABLES "mgn-dashboard" "${MGN_DISPLAY_NAME}")
# WiX and NSIS want a license with a known extension.
configure_file("${PROJECT_SOURCE_DIR}/LICENSE" "${MGN_PACKAGING_BINARY_DIR}/LICENSE.txt" COPYONLY)
set(CPACK_RESOURCE_FILE_LICENSE "${MGN_PACKAGING_BINARY_DIR}/LICENSE.txt")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/")
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(AMD64|amd64|x86_64)$")
    set(mgn_arch "x86_64")
else()
    string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" mgn_arch)
endif()
if(WIN32)
    set(CPACK_PACKAGE_FILE_NAME "mgn-dashboard-${PROJECT_VERSION}-windows-${mgn_arch}")
elseif(APPLE)
    set(CPACK_PACKAGE_FILE_NAME "mgn-dashboard-${PROJECT_VERSION}-macos-${mgn_arch}")
else()
    set(CPACK_PACKAGE_FILE_NAME "mgn-dashboard-${PROJECT_VERSION}-linux-${mgn_arch}")
endif()
# Read by packaging/CPackProjectConfig.cmake, which cpack evaluates per generator.
set(CPACK_MGN_ICON_ICO "${MGN_ICONS_DIR}/mgn-dashboard.ico")
set(CPACK_MGN_ICON_ICNS "${MGN_ICONS_DIR}/mgn-dashboard.icns")
set(CPACK_MGN_NSIS_PER_USER "${MGN_PACKAGING_DIR}/windows/per-user.nsh")
set(CPACK_PROJECT_CONFIG_FILE "${MGN_PACKAGING_DIR}/CPackProjectConfig.cmake")

# Components (the Windows installers let the user choose; the Linux packages
# and the macOS bundle hold all three).
set(CPACK_COMPONENTS_ALL application emulator mgnctl)
set(CPACK_COMPONENT_APPLICATION_DISPLAY_NAME "${MGN_DISPLAY_NAME}")
set(CPACK_COMPONENT_APPLICATION_DESCRIPTION "The desktop dashboard and the Qt runtime.")
set(CPACK_COMPONENT_APPLICATION_REQUIRED ON)
set(CPACK_COMPONENT_EMULATOR_DISPLAY_NAME "MGN emulator (mgn-emulator)")
set(CPACK_COMPONENT_EMULATOR_DESCRIPTION "A local MGN-compatible service for demos and tests.")
set(CPACK_COMPONENT_EMULATOR_DEPENDS application)
set(CPACK_COMPONENT_MGNCTL_DISPLAY_NAME "Command line (mgnctl)")
set(CPACK_COMPONENT_MGNCTL_DESCRIPTION "The command-line companion, with aws mgn's subcommands.")
set(CPACK_COMPONENT_MGNCTL_DEPENDS application)
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)
set(CPACK_DEB_COMPONENT_INSTALL OFF)
set(CPACK_RPM_COMPONENT_INSTALL OFF)

# Debian: dependencies from dpkg-shlibdeps; installs into /usr.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# The Qt platform plugins beyond xcb and offscreen (Wayland, EGLFS) are loaded
# at run time, so dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-qpa-plugins, qt6-wayland")

# RPM
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "Apache-2.0")
set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
# No /usr/lib/.build-id links: they would clash with other packages' ones.
set(CPACK_RPM_SPEC_MORE_DEFINE "%define _build_id_links none")
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/man /usr/share/man/man1
    /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps)
foreach(size IN ITEMS 16 24 32 48 64 128 256 512)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()

# NSIS (the Windows installer; per-user variant: cpack -D MGN_PER_USER=ON).
# The per-user variant needs code right after the template's "RequestExecutionLevel
# admin", where CPack offers no hook: CMake's own template gets one, filled by
# packaging/CPackProjectConfig.cmake.
file(READ "${CMAKE_ROOT}/Modules/Internal/CPack/NSIS.template.in" mgn_nsis_template)
string(REGEX REPLACE "(RequestExecutionLevel admin\r?\n)" "\\1@CPACK_MGN_NSIS_PER_USER_CODE@\n"
    mgn_nsis_patched "${mgn_nsis_template}")
if(mgn_nsis_patched STREQUAL mgn_nsis_template)
    message(WARNING "CMake's NSIS template has no \"RequestExecutionLevel admin\": no per-user NSIS installer")
else()
    file(WRITE "${MGN_PACKAGING_BINARY_DIR}/nsis/NSIS.template.in" "${mgn_nsis_patched}")
    list(APPEND CMAKE_MODULE_PATH "${MGN_PACKAGING_BINARY_DIR}/nsis")
    set(CPACK_MGN_NSIS_HOOK ON)
endif()
set(CPACK_NSIS_PACKAGE_NAME "${MGN_DISPLAY_NAME}")
set(CPACK_NSIS_DISPLAY_NAME "${MGN_DISPLAY_NAME}")
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\mgn-dashboard.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_UNINSTALL_NAME "Uninstall")

# WiX (an MSI, for those who deploy with it)
set(CPACK_WIX_UPGRADE_GUID "7E1C3A52-6B0D-4F39-9D7A-2C51E8B4F0A6")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "${MGN_DISPLAY_NAME}")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")

# macOS: a DMG with the bundle and a link to /Applications.
set(CPACK_DMG_VOLUME_NAME "${MGN_DISPLAY_NAME} ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")

include(CPack)
