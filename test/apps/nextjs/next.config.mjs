/** The app as `create-next-app` makes it, nothing added for the library. */
export default {};
