; Saywho installer for Windows, built on Debian by .ci/dist-windows.sh with
; NSIS (makensis). It installs for the current user only (no administrator
; rights needed, as on a student's or a university's laptop) into
; %LOCALAPPDATA%\Programs\Saywho, adds a Start menu entry, registers
; .saywho project files to open with Saywho (double-click, with its icon)
; and an uninstaller under Settings → Apps.
;
; Defined by the build: VERSION (e.g. 0.1.0-3-gabc1234), APP_VERSION
; (0.1.0), APP_BUILD (1), STAGE (folder with saywho.exe and the texts),
; OUTFILE.

; 64-bit like saywho.exe (and runnable by a 64-bit-only Wine in make test-dist).
Target amd64-unicode
!include "MUI2.nsh"

!define APPNAME "Saywho"
!define PROGID "Saywho.Project"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Saywho"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "Software\${APPNAME}" "InstallDir"
SetCompressor /SOLID lzma

VIProductVersion "${APP_VERSION}.${APP_BUILD}"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${APP_VERSION}.${APP_BUILD}"
VIAddVersionKey "FileDescription" "${APPNAME} installer"
VIAddVersionKey "LegalCopyright" "MIT licence"

!define MUI_FINISHPAGE_RUN "$INSTDIR\saywho.exe"
!insertmacro MUI_PAGE_LICENSE "${STAGE}\LICENSE.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Saywho"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}\saywho.exe"
  File "${STAGE}\README.txt"
  File "${STAGE}\LICENSE.txt"
  File "${STAGE}\CHANGELOG.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\${APPNAME}" "InstallDir" "$INSTDIR"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\saywho.exe"

  ; .saywho files open with Saywho, one window each.
  WriteRegStr HKCU "Software\Classes\.saywho" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.saywho" "Content Type" "application/x-saywho"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Saywho project"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\saywho.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\saywho.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\saywho.exe\SupportedTypes" ".saywho" ""
  ; `saywho` in the Run dialog (Win+R).
  WriteRegStr HKCU "Software\Microsoft\Windows\CurrentVersion\App Paths\saywho.exe" "" "$INSTDIR\saywho.exe"

  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\saywho.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Saywho contributors"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ; Tell Explorer the file types changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$INSTDIR\saywho.exe"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\CHANGELOG.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  ; Only our own keys: the user's projects and preferences stay.
  ReadRegStr $0 HKCU "Software\Classes\.saywho" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.saywho"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\saywho.exe"
  DeleteRegKey HKCU "Software\Microsoft\Windows\CurrentVersion\App Paths\saywho.exe"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\${APPNAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
