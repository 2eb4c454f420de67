/ field widths split fixed-width records
r:("DJ";8 3) 0: ("20240102007";"20240103042")
r 0
/=> 2024.01.02 2024.01.03
r 1
/=> 7 42
