; Dialdeck's additions to electron-builder's NSIS installer (per-user, so everything is under HKCU).
;
; setAsDefaultProtocolClient only writes Software\Classes\tel; Windows 10+ lists an app under
; Settings > Apps > Default apps > TEL only when it declares its capabilities and is named in
; Software\RegisteredApplications (Microsoft, "Default Programs": Registering an Application for Use
; with Default Programs). The rep still picks Dialdeck there; Windows never lets an installer do it.

!define DIALDECK_CAPABILITIES "Software\Dialdeck\Capabilities"
!define DIALDECK_PROGID "Dialdeck.PhoneLink"

!macro customInstall
  ; The ProgID both schemes point to: opens the link in Dialdeck (a second launch hands it over).
  WriteRegStr HKCU "Software\Classes\${DIALDECK_PROGID}" "" "Dialdeck phone link"
  WriteRegStr HKCU "Software\Classes\${DIALDECK_PROGID}" "URL Protocol" ""
  WriteRegStr HKCU "Software\Classes\${DIALDECK_PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr HKCU "Software\Classes\${DIALDECK_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'

  WriteRegStr HKCU "${DIALDECK_CAPABILITIES}" "ApplicationName" "Dialdeck"
  WriteRegStr HKCU "${DIALDECK_CAPABILITIES}" "ApplicationDescription" "Desktop dialer for sales development reps"
  WriteRegStr HKCU "${DIALDECK_CAPABILITIES}\URLAssociations" "tel" "${DIALDECK_PROGID}"
  WriteRegStr HKCU "${DIALDECK_CAPABILITIES}\URLAssociations" "callto" "${DIALDECK_PROGID}"
  WriteRegStr HKCU "Software\RegisteredApplications" "Dialdeck" "${DIALDECK_CAPABILITIES}"
!macroend

!macro customUnInstall
  DeleteRegValue HKCU "Software\RegisteredApplications" "Dialdeck"
  DeleteRegKey HKCU "${DIALDECK_CAPABILITIES}"
  DeleteRegKey /ifempty HKCU "Software\Dialdeck"
  DeleteRegKey HKCU "Software\Classes\${DIALDECK_PROGID}"
!macroend
