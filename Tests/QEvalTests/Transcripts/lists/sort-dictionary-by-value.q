asc `x`y`z!3 1 2
/=> y| 1
/=> z| 2
/=> x| 3
desc `x`y!1 2
/=> y| 2
/=> x| 1
