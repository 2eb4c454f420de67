/ slashed dates read month first; \z 1 reads them day first
"D"$"02/03/2024"
/=> 2024.02.03
\z 1
"D"$"02/03/2024"
/=> 2024.03.02
\z 0
