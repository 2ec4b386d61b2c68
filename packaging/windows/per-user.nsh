; Included right after "RequestExecutionLevel admin" of CPack's NSIS template
; (patched by cmake/Packaging.cmake) for the per-user installer
; (cpack -G NSIS -D MGN_PER_USER=ON); MGN_INSTALL_DIRECTORY is defined before.
;
; The template picks the all-users or the current-user context from the
; account type, and for the current user proposes $DOCUMENTS. This installer
; is always for the current user (shortcuts, uninstall entry under HKCU) and
; installs into %LOCALAPPDATA%\Programs, where per-user programs go.

; Overrides the template's "admin", which comes first.
RequestExecutionLevel user

!define MUI_CUSTOMFUNCTION_GUIINIT mgnPerUser

Function mgnPerUser
  SetShellVarContext current
  StrCmp $INSTDIR "$DOCUMENTS\${MGN_INSTALL_DIRECTORY}" 0 +2
    StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${MGN_INSTALL_DIRECTORY}"
FunctionEnd

; The first sections of the installer and the uninstaller. A silent install
; (/S) shows no window, so the folder is fixed here too.
Section "-PerUser"
  SetShellVarContext current
  IfSilent 0 +2
    Call mgnPerUser
SectionEnd

Section "-un.PerUser"
  SetShellVarContext current
SectionEnd
