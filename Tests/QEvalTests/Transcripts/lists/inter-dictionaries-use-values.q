(`a`b!1 2) inter 2 3
/=> ,2
