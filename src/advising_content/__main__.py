from advising_content.console import main

main()
