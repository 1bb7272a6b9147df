from stancetool.cli import main

main()
