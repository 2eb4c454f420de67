/ a string starting with a backslash runs as a system command
value "\\d .w"
value "\\d"
/=> `.w
