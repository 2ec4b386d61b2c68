# Evaluated by cpack for each generator it runs (CPACK_GENERATOR is that one).
# MGN_PER_USER (cpack -D MGN_PER_USER=ON) builds the Windows installers that
# install for the current user only, without elevation.
if(CPACK_GENERATOR MATCHES "^NSIS")
    set(CPACK_NSIS_MUI_ICON "${CPACK_MGN_ICON_ICO}")
    set(CPACK_NSIS_MUI_UNIICON "${CPACK_MGN_ICON_ICO}")
    if(MGN_PER_USER)
        if(NOT CPACK_MGN_NSIS_HOOK)
            message(FATAL_ERROR "No per-user NSIS installer with this CMake (see cmake/Packaging.cmake)")
        endif()
        set(CPACK_NSIS_INSTALL_ROOT "$LOCALAPPDATA\\Programs")
        # Inserted by the template that cmake/Packaging.cmake patched.
        set(CPACK_MGN_NSIS_PER_USER_CODE "!define MGN_INSTALL_DIRECTORY \"${CPACK_PACKAGE_INSTALL_DIRECTORY}\"
!include \"${CPACK_MGN_NSIS_PER_USER}\"")
        # Its check reads the machine-wide entry, which a user cannot remove.
        set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL OFF)
        string(APPEND CPACK_PACKAGE_FILE_NAME "-user")
    endif()
elseif(CPACK_GENERATOR STREQUAL "WIX")
    set(CPACK_WIX_PRODUCT_ICON "${CPACK_MGN_ICON_ICO}")
    # CPACK_WIX_INSTALL_SCOPE needs CMake 3.29 or later; older ones ignore it.
    if(MGN_PER_USER)
        set(CPACK_WIX_INSTALL_SCOPE "perUser")
        string(APPEND CPACK_PACKAGE_FILE_NAME "-user")
    else()
        set(CPACK_WIX_INSTALL_SCOPE "perMachine")
    endif()
elseif(CPACK_GENERATOR STREQUAL "DragNDrop")
    set(CPACK_PACKAGE_ICON "${CPACK_MGN_ICON_ICNS}")
    # One bundle: every install rule in order, so that macdeployqt and the
    # signature come after the command-line tools are in the bundle.
    set(CPACK_MONOLITHIC_INSTALL ON)
endif()
