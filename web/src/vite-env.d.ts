/** Side-effect CSS imports resolved by Vite. */
declare module '*.css';
