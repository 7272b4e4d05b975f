Unicode true
# EPSM: a 64-bit installer for a 64-bit-only app (Debian's nsis ships the amd64-unicode stubs);
# it also runs under a 64-bit-only Wine, where a 32-bit installer cannot start.
Target amd64-unicode

####
## Please note: Template replacements don't work in this file. They are provided with default defines like
## mentioned underneath.
## If the keyword is not defined, "wails_tools.nsh" will populate them with the values from ProjectInfo.
## If they are defined here, "wails_tools.nsh" will not touch them. This allows to use this project.nsi manually
## from outside of Wails for debugging and development of the installer.
##
## For development first make a wails nsis build to populate the "wails_tools.nsh":
## > wails build --target windows/amd64 --nsis
## Then you can call makensis on this file with specifying the path to your binary:
## For a AMD64 only installer:
## > makensis -DARG_WAILS_AMD64_BINARY=..\..\bin\app.exe
## For a ARM64 only installer:
## > makensis -DARG_WAILS_ARM64_BINARY=..\..\bin\app.exe
## For a installer with both architectures:
## > makensis -DARG_WAILS_AMD64_BINARY=..\..\bin\app-amd64.exe -DARG_WAILS_ARM64_BINARY=..\..\bin\app-arm64.exe
####
## The following information is taken from the ProjectInfo file, but they can be overwritten here.
####
## !define INFO_PROJECTNAME    "MyProject" # Default "{{.Name}}"
## !define INFO_COMPANYNAME    "MyCompany" # Default "{{.Info.CompanyName}}"
## !define INFO_PRODUCTNAME    "MyProduct" # Default "{{.Info.ProductName}}"
## !define INFO_PRODUCTVERSION "1.0.0"     # Default "{{.Info.ProductVersion}}"
## !define INFO_COPYRIGHT      "Copyright" # Default "{{.Info.Copyright}}"
###
## !define PRODUCT_EXECUTABLE  "Application.exe"      # Default "${INFO_PROJECTNAME}.exe"
## !define UNINST_KEY_NAME     "UninstKeyInRegistry"  # Default "${INFO_COMPANYNAME}${INFO_PRODUCTNAME}"
####
## !define REQUEST_EXECUTION_LEVEL "admin"            # Default "admin"  see also https://nsis.sourceforge.io/Docs/Chapter4.html
####
## EPSM: the program is epsm.exe (as on Linux, and what `epsm run` scripts call), the installer
## epsm-<arch>-installer.exe; wails.json's name is the product's display name.
!define INFO_PROJECTNAME "epsm"
!define UNINST_KEY_NAME "EPSMDesktop"
####
## Include the wails tools
####
!include "wails_tools.nsh"

# The version information for this two must consist of 4 parts
VIProductVersion "${INFO_PRODUCTVERSION}.0"
VIFileVersion    "${INFO_PRODUCTVERSION}.0"

VIAddVersionKey "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey "FileDescription" "${INFO_PRODUCTNAME} Installer"
VIAddVersionKey "ProductVersion"  "${INFO_PRODUCTVERSION}"
VIAddVersionKey "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey "ProductName"     "${INFO_PRODUCTNAME}"

# Enable HiDPI support. https://nsis.sourceforge.io/Reference/ManifestDPIAware
ManifestDPIAware true

!include "MUI.nsh"

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
# !define MUI_WELCOMEFINISHPAGE_BITMAP "resources\leftimage.bmp" #Include this to add a bitmap on the left side of the Welcome Page. Must be a size of 164x314
!define MUI_FINISHPAGE_NOAUTOCLOSE # Wait on the INSTFILES page so the user can take a look into the details of the installation steps
!define MUI_ABORTWARNING # This will warn the user if they exit from the installer.

!insertmacro MUI_PAGE_WELCOME # Welcome to the installer page.
# !insertmacro MUI_PAGE_LICENSE "resources\eula.txt" # Adds a EULA page to the installer
!insertmacro MUI_PAGE_DIRECTORY # In which folder install page.
!insertmacro MUI_PAGE_INSTFILES # Installing page.
!insertmacro MUI_PAGE_FINISH # Finished installation page.

!insertmacro MUI_UNPAGE_INSTFILES # Uinstalling page

!insertmacro MUI_LANGUAGE "English" # Set the Language of the installer

## The following two statements can be used to sign the installer and the uninstaller. The path to the binaries are provided in %1
#!uninstfinalize 'signtool --file "%1"'
#!finalize 'signtool --file "%1"'

Name "${INFO_PRODUCTNAME}"
OutFile "..\..\bin\${INFO_PROJECTNAME}-${ARCH}-installer.exe" # Name of the installer's file.
InstallDir "$PROGRAMFILES64\${INFO_PRODUCTNAME}" # Default installing folder ($PROGRAMFILES is Program Files folder).
ShowInstDetails show # This will always show the installation details.

## EPSM: the file associations of wails.json (fileAssociations; TestWindowsInstaller checks
## that the two agree), with the program's path quoted (Wails's template leaves
## "C:\Program Files\..." unquoted), the extension's earlier program given back on uninstall, and
## nothing of ours left in the registry after it.
!macro epsm.associate EXT CLASS DESCRIPTION ICON
    ReadRegStr $R0 SHELL_CONTEXT "Software\Classes\.${EXT}" ""
    StrCmp $R0 "${CLASS}" +2
        WriteRegStr SHELL_CONTEXT "Software\Classes\.${EXT}" "EPSM_previous" "$R0"
    WriteRegStr SHELL_CONTEXT "Software\Classes\.${EXT}" "" "${CLASS}"
    WriteRegStr SHELL_CONTEXT "Software\Classes\${CLASS}" "" "${DESCRIPTION}"
    WriteRegStr SHELL_CONTEXT "Software\Classes\${CLASS}\DefaultIcon" "" "$INSTDIR\${ICON}.ico"
    WriteRegStr SHELL_CONTEXT "Software\Classes\${CLASS}\shell" "" "open"
    WriteRegStr SHELL_CONTEXT "Software\Classes\${CLASS}\shell\open" "" "Open with ${INFO_PRODUCTNAME}"
    WriteRegStr SHELL_CONTEXT "Software\Classes\${CLASS}\shell\open\command" "" '"$INSTDIR\${PRODUCT_EXECUTABLE}" "%1"'
    File "..\${ICON}.ico"
!macroend

!macro epsm.unassociate EXT CLASS
    DeleteRegKey SHELL_CONTEXT "Software\Classes\${CLASS}"
    ReadRegStr $R0 SHELL_CONTEXT "Software\Classes\.${EXT}" ""
    StrCmp $R0 "${CLASS}" 0 epsm_unassociate_done_${EXT} # another program has the extension now
        ReadRegStr $R1 SHELL_CONTEXT "Software\Classes\.${EXT}" "EPSM_previous"
        WriteRegStr SHELL_CONTEXT "Software\Classes\.${EXT}" "" "$R1"
        StrCmp $R1 "" 0 +2
            DeleteRegValue SHELL_CONTEXT "Software\Classes\.${EXT}" ""
    epsm_unassociate_done_${EXT}:
    DeleteRegValue SHELL_CONTEXT "Software\Classes\.${EXT}" "EPSM_previous"
    DeleteRegKey /ifempty SHELL_CONTEXT "Software\Classes\.${EXT}"
!macroend

!macro epsm.associateFiles
    !insertmacro epsm.associate "idf" "EPSM.EnergyPlusModel" "EnergyPlus model" "idffile"
    !insertmacro epsm.associate "epw" "EPSM.EnergyPlusWeather" "EnergyPlus weather file" "epwfile"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)' # SHCNE_ASSOCCHANGED: Explorer shows the new icons
!macroend

!macro epsm.unassociateFiles
    !insertmacro epsm.unassociate "idf" "EPSM.EnergyPlusModel"
    !insertmacro epsm.unassociate "epw" "EPSM.EnergyPlusWeather"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

Function .onInit
   !insertmacro wails.checkArchitecture
FunctionEnd

Section
    !insertmacro wails.setShellContext

    !insertmacro wails.webview2runtime

    SetOutPath $INSTDIR

    !insertmacro wails.files

    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"
    CreateShortCut "$DESKTOP\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"

    !insertmacro epsm.associateFiles
    !insertmacro wails.associateCustomProtocols

    !insertmacro wails.writeUninstaller
SectionEnd

Section "uninstall"
    !insertmacro wails.setShellContext

    RMDir /r "$AppData\${PRODUCT_EXECUTABLE}" # Remove the WebView2 DataPath

    RMDir /r $INSTDIR

    Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
    Delete "$DESKTOP\${INFO_PRODUCTNAME}.lnk"

    !insertmacro epsm.unassociateFiles
    !insertmacro wails.unassociateCustomProtocols

    !insertmacro wails.deleteUninstaller
SectionEnd
