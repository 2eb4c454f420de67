/ ` vs splits lines, dropping a final newline and carriage returns
` vs "one\r\ntwo\n"
/=> "one"
/=> "two"
