/ dates read with dots, dashes or slashes, as mm/dd/yyyy, or as yyyymmdd
"D"$("2024.03.15";"2024-03-15";"03/15/2024";"20240315")
/=> 2024.03.15 2024.03.15 2024.03.15 2024.03.15
