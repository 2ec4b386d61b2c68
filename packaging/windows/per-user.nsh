; Included by CPack's NSIS template for the per-user installer
; (cpack -G NSIS -D MGN_PER_USER=ON); MGN_INSTALL_DIRECTORY is defined before.
;
; Without elevation the template takes its "JustMe" branch: shortcuts for the
; current user and the uninstall entry under HKCU. That branch proposes
; $DOCUMENTS as the folder; %LOCALAPPDATA%\Programs is where per-user programs go.

; Overrides the template's "admin", which comes first.
RequestExecutionLevel user

!define MUI_CUSTOMFUNCTION_GUIINIT mgnPerUserInstallDir

Function mgnPerUserInstallDir
  StrCmp $INSTDIR "$DOCUMENTS\${MGN_INSTALL_DIRECTORY}" 0 +2
    StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${MGN_INSTALL_DIRECTORY}"
FunctionEnd

; First section: a silent install (/S) shows no window, so fix the folder here.
Section "-PerUserInstallDir"
  IfSilent 0 +2
    Call mgnPerUserInstallDir
SectionEnd
